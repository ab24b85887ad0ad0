export interface Config {
  readiness?: {
    /**
     * The PagerDuty fact collector
     * (`@readiness/plugin-readiness-backend-module-pagerduty`). It is on only
     * when `token` is set; without it the module adds no collector and the
     * PagerDuty facts are not collected.
     */
    pagerduty?: {
      /**
       * A PagerDuty REST API key (read-only is enough), sent as
       * `Authorization: Token token=…`. Turns the collector on. Never logged
       * nor served.
       *
       * @visibility secret
       */
      token?: string;

      /**
       * The REST API's URL. Defaults to `https://api.pagerduty.com`; use
       * `https://api.eu.pagerduty.com` for an EU account.
       */
      baseUrl?: string;

      /**
       * Requests to PagerDuty in flight at once, over all entities.
       * Defaults to 4.
       */
      concurrency?: number;

      /**
       * How long one request may take, e.g. `{ seconds: 10 }` or `'10s'`.
       * Defaults to 10 seconds; the backend's `readiness.collectorTimeout`
       * bounds the whole collection of an entity anyway.
       */
      timeout?:
        | string
        | {
            milliseconds?: number;
            seconds?: number;
            minutes?: number;
          };

      /**
       * Pages of 100 read at most from one list (incidents, on-calls, and
       * services when looking up an integration key). Defaults to 10.
       */
      maxPages?: number;

      /**
       * The largest response body read, in bytes; a larger one is not read
       * further and fails that entity with a reason. Defaults to 5242880
       * (5 MiB).
       */
      maxResponseBytes?: number;
    };
  };
}
