import { FactValue } from '@readiness/plugin-readiness-common';

/** The last facts one collector gave for an entity. @public */
export interface StoredFacts {
  observedAt: string;
  facts: Record<string, FactValue>;
  /**
   * A hash of what the collector read for the entity then; none for facts
   * stored before targets were.
   */
  target?: string;
}

/**
 * The last good facts of each collector for each entity.
 *
 * @public
 */
export interface FactsCache {
  /** The last facts of each collector for the entity, by collector id. */
  getEntityFacts(entityRef: string): Promise<Map<string, StoredFacts>>;

  /** Keeps these as the collector's last good facts for the entity. */
  saveEntityFacts(
    entityRef: string,
    collectorId: string,
    facts: StoredFacts,
  ): Promise<void>;
}
