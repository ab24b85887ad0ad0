export interface Config {
  readiness?: {
    /**
     * The Prometheus fact collector
     * (`@readiness/plugin-readiness-backend-module-prometheus`). Leave it out
     * and the collector is off: its facts are not collected.
     */
    prometheus?: {
      /**
       * URL of the Prometheus server, or of a server with its HTTP API
       * (Thanos Query, Mimir, Cortex), e.g. `https://prometheus.example.com`.
       * Turns the collector on.
       */
      baseUrl: string;

      /**
       * HTTP headers sent with every request, e.g. `Authorization:
       * Bearer ${PROMETHEUS_TOKEN}` or `X-Scope-OrgID`. Values are secrets:
       * never logged nor served.
       */
      headers?: {
        /** @visibility secret */
        [name: string]: string;
      };

      /**
       * Label matchers for an entity with the `prometheus.io/job`
       * annotation. `{{job}}` is the annotation's value, `{{name}}` and
       * `{{namespace}}` the entity's; write them inside double quotes.
       * Defaults to `job="{{job}}"`.
       */
      selector?: string;

      /**
       * PromQL giving the share of failed requests (0 to 1) over the last 5
       * minutes; `{{selector}}` is replaced by the entity's label matchers.
       * Defaults to the share of `http_requests_total` with a 5xx `code`.
       */
      errorRateQuery?: string;

      /**
       * PromQL giving the 99th percentile request latency in seconds over
       * the last 5 minutes; `{{selector}}` is replaced by the entity's label
       * matchers. Defaults to `histogram_quantile(0.99, …)` over
       * `http_request_duration_seconds_bucket`.
       */
      latencyP99Query?: string;

      /** Requests to Prometheus in flight at once. Defaults to 4. */
      concurrency?: number;

      /**
       * How long one request may take, e.g. `{ seconds: 10 }` or `'10s'`.
       * Defaults to 10 seconds; the backend's `readiness.collectorTimeout`
       * bounds the whole collection anyway.
       */
      timeout?:
        | string
        | {
            milliseconds?: number;
            seconds?: number;
            minutes?: number;
          };

      /**
       * How many times a request is retried after 429, 502, 503, 504 or a
       * network error, with exponential backoff or as Retry-After asks.
       * Defaults to 2.
       */
      retries?: number;

      /**
       * The largest response body read, in bytes; a larger one is not read
       * further and fails the collection with a reason. Defaults to
       * 16777216 (16 MiB): servers that ignore `group_limit` answer every
       * rule of `/api/v1/rules` at once.
       */
      maxResponseBytes?: number;

      /**
       * Pages of `/api/v1/rules` (500 rule groups each) read at most; more
       * fails the collection with a reason rather than missing rules.
       * Defaults to 100.
       */
      maxRulePages?: number;
    };
  };
}
