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
     * Whether the built-in scorecards (production-readiness, api-quality)
     * are evaluated. Defaults to true.
     */
    defaultScorecards?: boolean;

    /**
     * More scorecards: a YAML or JSON `file`, a `directory` of them, or an
     * `inline` document. Relative paths are relative to the backend's working
     * directory. One with the id of a built-in scorecard replaces it.
     */
    scorecards?: Array<
      | { file: string }
      | { directory: string }
      | { inline: { [key: string]: unknown } }
    >;

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
