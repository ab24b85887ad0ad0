import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
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

    /**
     * When the whole catalog is evaluated. Defaults to every 30 minutes, with
     * a 30-minute timeout, first 5 seconds after start-up.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;

    /**
     * How long changes stay in the history, e.g. `{ days: 365 }` or `'90d'`.
     * Defaults to a year; older entries are removed after each catalog run.
     */
    historyRetention?: HumanDuration | string;
  };
}
