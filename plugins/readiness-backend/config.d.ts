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
     * How often the catalog is scanned for entities that changed since they
     * were evaluated (their `metadata.etag`), to evaluate just those.
     * Defaults to every minute, first a minute after start-up.
     */
    changeDetection?: SchedulerServiceTaskScheduleDefinitionConfig;

    /**
     * How often each backend replica reloads the scorecard definitions, e.g.
     * `{ minutes: 1 }` or `'30s'`. A changed scorecard re-evaluates the
     * catalog; an invalid one keeps its last good version. Defaults to a
     * minute.
     */
    scorecardReload?: HumanDuration | string;

    /**
     * Settings of each fact collector, by collector id (`repository` for the
     * built-in repository-files collector, or a module's collector id).
     */
    collectors?: {
      [collectorId: string]: {
        /**
         * False turns the collector off: its facts are unavailable, with
         * that reason. Defaults to true.
         */
        enabled?: boolean;
        /**
         * How long the collector's facts are reused before it is asked
         * again, e.g. `{ hours: 1 }`. Defaults to an hour for `repository`
         * and to collecting at every evaluation for the others. A refresh
         * always collects anew.
         */
        frequency?: HumanDuration | string;
      };
    };

    /**
     * How long changes stay in the history, e.g. `{ days: 365 }` or `'90d'`.
     * Defaults to a year; older entries are removed after each catalog run.
     */
    historyRetention?: HumanDuration | string;
  };
}
