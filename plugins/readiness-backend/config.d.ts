import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the Readiness backend plugin. */
  readiness?: {
    /**
     * How long one fact collector may take for one entity before its facts
     * count as unavailable, e.g. `{ seconds: 10 }` or `'10s'`.
     * Defaults to 10 seconds.
     */
    collectorTimeout?: HumanDuration | string;
  };
}
