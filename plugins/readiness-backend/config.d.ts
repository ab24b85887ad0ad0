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
     * How often exemptions past their end date are marked expired (with an
     * event and an audit record) and their entities re-evaluated. Defaults
     * to every 10 minutes.
     */
    exemptionExpiry?: SchedulerServiceTaskScheduleDefinitionConfig;

    /**
     * When the campaign tracker runs: it records each running campaign's
     * burn-up point of the day and reaches its milestones (start,
     * reminders, deadline, completion), each once across replicas. Defaults
     * to every 15 minutes.
     */
    campaignTracker?: SchedulerServiceTaskScheduleDefinitionConfig;

    /**
     * Notifications through Backstage's notifications backend, to the
     * owning groups' members, one digest per recipient, topic and period at
     * most. See docs/notifications.md.
     */
    notifications?: {
      /**
       * Tells an entity's owner when its level drops or a check of
       * severity high or critical starts failing (topic
       * `readiness-regression`). Defaults to false: a new install tells
       * nobody until a platform team turns it on.
       */
      regressions?: {
        enabled?: boolean;
      };
      /**
       * Tells owners when a campaign starts for their entities and before
       * its deadline while they have open items, and the campaign's owner
       * when it is due or completed (topic `readiness-campaign`). Defaults
       * to true.
       */
      campaigns?: {
        enabled?: boolean;
      };
      /**
       * At most one digest per recipient and topic each UTC day (`daily`)
       * or hour (`hourly`). Defaults to `daily`.
       */
      digest?: 'daily' | 'hourly';
      /**
       * When waiting notifications are sent. Defaults to every 5 minutes.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };

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
        /**
         * How old the collector's last good facts may be to stand in for it
         * while it fails, e.g. `{ days: 7 }`. Older ones are unknown, with
         * the time they were observed. Defaults to 7 days. Facts are never
         * used once the entity points the collector elsewhere (another
         * repository or service), however young.
         */
        maxLastGoodAge?: HumanDuration | string;
        /**
         * Only for `repository`: the most files of one tree that are
         * listed. The collector reads names only, never a file's content;
         * a larger tree makes that entity's repository facts unknown, with
         * a reason naming this key. Defaults to 20000.
         */
        maxFiles?: number;
        /**
         * Only for `repository`: the most bytes of files (their total size)
         * the reader may stream past while listing one tree; none is kept
         * in memory. A larger tree makes that entity's repository facts
         * unknown, with a reason naming this key. Defaults to 536870912
         * (512 MiB).
         */
        maxBytes?: number;
      };
    };

    /**
     * Facts that pipelines push (`POST /api/readiness/facts`, or
     * `readiness push` of the CLI): a CI job's test coverage, an evaluation
     * suite's pass rate, a load test's p99. Scorecards name each
     * `pushed.<name>`; until a value is pushed for an entity it is
     * unavailable there, and checks over it are unknown. See
     * docs/pushed-facts.md.
     */
    pushedFacts?: Array<{
      /** Letters and digits, starting lower-case, e.g. `testCoverage`. */
      name: string;
      type: 'string' | 'number' | 'boolean' | 'string-list' | 'string-map';
      /** What the value is, for scorecard authors. */
      description?: string;
    }>;

    /**
     * How long changes stay in the history, e.g. `{ days: 365 }` or `'90d'`.
     * Defaults to a year; older entries are removed after each catalog run.
     */
    historyRetention?: HumanDuration | string;

    /**
     * Budgets of `POST /scorecards/preview`, which evaluates a draft
     * scorecard as a background job against stored facts.
     */
    preview?: {
      /**
       * How long one preview may run, e.g. `{ seconds: 60 }` or `'60s'`;
       * past it the job fails, saying how many entities it evaluated.
       * Defaults to 60 seconds.
       */
      timeBudget?: HumanDuration | string;
      /**
       * The most entities one preview evaluates; past it the job stops and
       * its result says it is truncated. Defaults to 20000.
       */
      maxEntities?: number;
      /**
       * The most changed entities a result lists, lowest new score first;
       * it counts them all and says when it is truncated. Defaults to 1000.
       */
      maxChanges?: number;
      /**
       * Previews running at once on one backend replica, whoever started
       * them; past it a new one answers 503. Each user runs one at a time
       * across replicas (409). Defaults to 2.
       */
      maxConcurrentJobs?: number;
      /**
       * How long a finished preview is kept for its starter to read, e.g.
       * `{ hours: 1 }`. Defaults to an hour.
       */
      retention?: HumanDuration | string;
    };

    /**
     * Rate limits of `POST …/refresh`, per caller (a user's entity ref or a
     * service's subject). Each backend replica counts in its own memory, so
     * with several replicas a caller gets up to that many times the limits.
     * Beyond a limit the refresh answers 429 with `Retry-After`.
     */
    refresh?: {
      /**
       * How long a caller waits between two refreshes of the same entity,
       * e.g. `{ minutes: 1 }` or `'1m'`. Defaults to a minute.
       */
      entityInterval?: HumanDuration | string;
      /** Refreshes one caller may start per `callerWindow`. Defaults to 30. */
      callerLimit?: number;
      /** Defaults to 10 minutes. */
      callerWindow?: HumanDuration | string;
      /**
       * Callers, and caller-entity pairs, each replica keeps counts for at
       * most; beyond it the oldest are forgotten. Defaults to 10000.
       */
      maxTracked?: number;
    };

    /**
     * Limits of `POST /entities/evaluate` (draft entities, e.g. from the
     * Scaffolder's `readiness:evaluate`), per caller and per backend
     * replica, counted in memory. Beyond the caller's limit it answers 429
     * with `Retry-After`, beyond `maxConcurrent` 503.
     */
    drafts?: {
      /** Drafts one caller may evaluate per `callerWindow`. Defaults to 30. */
      callerLimit?: number;
      /** Defaults to a minute. */
      callerWindow?: HumanDuration | string;
      /** Callers each replica keeps counts for at most. Defaults to 10000. */
      maxTracked?: number;
      /** Drafts evaluated at once on one replica. Defaults to 4. */
      maxConcurrent?: number;
    };

    /**
     * Services (callers with a service token, e.g. a static token from
     * `backend.auth.externalAccess`) allowed to refresh, preview or push
     * facts about every entity, by subject, e.g. `ci-pipeline` (a static
     * token's `subject` as configured) or `plugin:scaffolder`. Backstage's
     * permission framework allows every service, so no service may do
     * these unless listed here. Defaults to none.
     */
    serviceAccess?: {
      refresh?: string[];
      preview?: string[];
      /**
       * Services trusted to push facts (`POST /facts`) about every entity,
       * e.g. an organisation-wide evaluation harness. Any other service
       * pushes only about entities whose `readiness.dev/fact-pushers`
       * annotation lists its subject. Both need the `readiness.facts.push`
       * permission too. A static token's subject is its `subject` as
       * configured, e.g. `ci-pipeline`.
       */
      pushFacts?: string[];
      /**
       * Services that may evaluate draft entities (`POST
       * /entities/evaluate`) themselves. The Scaffolder actions call on
       * behalf of the task's user and need no entry.
       */
      drafts?: string[];
    };

    /**
     * Limits of `POST /facts`, per backend replica, counted in memory.
     * Beyond the caller's limit a push answers 429 with `Retry-After`;
     * beyond `maxConcurrentEvaluations` a push's facts are stored and its
     * evaluation is left to the scheduled run.
     */
    pushedFactsLimits?: {
      /** Pushes one service may make per `callerWindow`. Defaults to 120. */
      callerLimit?: number;
      /** Defaults to a minute. */
      callerWindow?: HumanDuration | string;
      /** Callers each replica keeps counts for at most. Defaults to 10000. */
      maxTracked?: number;
      /** Entities evaluated after pushes at once. Defaults to 4. */
      maxConcurrentEvaluations?: number;
    };

    /** Readiness badges for READMEs; see docs/badges.md. */
    badges?: {
      /**
       * Whether badges are served without a session, under random
       * unguessable ids (`GET /api/readiness/public/badges/{id}`), for READMEs and
       * other pages outside Backstage. Anyone with a badge's URL sees the
       * scorecard's title and the entity's level and score, never its name.
       * Defaults to false.
       * @visibility frontend
       */
      public?: boolean;
      /**
       * Badge links one caller may make (`POST /badges` that mints a new
       * id; giving the existing one is not counted) or revoke
       * (`DELETE /badges/{id}`, every attempt) per `callerWindow`, counted
       * in memory by each backend replica. Beyond it they answer 429 with
       * `Retry-After`. Defaults to 20.
       */
      callerLimit?: number;
      /** Defaults to 10 minutes. */
      callerWindow?: HumanDuration | string;
      /** Callers each replica keeps counts for at most. Defaults to 10000. */
      maxTracked?: number;
    };

    /** Bounds on what one request may cost. */
    limits?: {
      /**
       * How many stored results one `GET /results` request reads at most,
       * in batches of 200, while leaving out those the caller may not see.
       * A caller who sees few entities gets a page that is not full, with a
       * cursor to go on. Defaults to 5000.
       */
      resultsScanRows?: number;

      /**
       * Budgets of every scorecard read from `readiness.scorecards` (and of
       * previewed ones), so that reading, validating and evaluating one is
       * linear in its size. A file over a limit is refused with a problem
       * that names the limit.
       */
      scorecards?: {
        /**
         * Largest file, in UTF-8 bytes, and largest document of
         * `POST /scorecards/preview` (whose request body limit follows it).
         * Defaults to 262144 (256 KiB).
         */
        maxBytes?: number;
        /**
         * Bytes that YAML aliases (`*name`) may add to one document when each
         * is replaced by what it refers to, aliases inside counted every
         * time. Defaults to 262144.
         */
        maxAliasedBytes?: number;
        /**
         * How deeply mappings and lists may nest, aliases expanded; a
         * condition inside `all`/`any` takes two levels. Defaults to 64.
         */
        maxDepth?: number;
        /**
         * Condition nodes of one scorecard, aliases expanded. Defaults to
         * 5000.
         */
        maxConditionNodes?: number;
        /** Condition nodes of one check, aliases expanded. Defaults to 500. */
        maxConditionNodesPerCheck?: number;
      };
    };
  };
}
