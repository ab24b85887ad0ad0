import { ReadinessChange } from '@readiness/plugin-readiness-common';

/**
 * Reads the recorded changes of entities.
 *
 * @public
 */
export interface HistoryReader {
  /** The entity's recorded changes, newest first. */
  getEntityHistory(
    entityRef: string,
    options: { limit: number },
  ): Promise<ReadinessChange[]>;
}
