export interface Config {
  readiness?: {
    /**
     * The GitHub fact collector
     * (`@readiness/plugin-readiness-backend-module-github`). Leave it out and
     * the collector is off: its facts are not collected. `readiness.github:
     * { host: github.com }` turns it on. The API root and the credentials
     * (a token or a GitHub App) come from the `integrations.github` entry of
     * that host, where they are declared secret.
     */
    github?: {
      /**
       * The `integrations.github` host to read, e.g. `github.com` or a
       * GitHub Enterprise Server host. Defaults to `github.com`.
       */
      host?: string;

      /**
       * Requests to GitHub in flight at once, across all entities. Defaults
       * to 4.
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
       * The most pages (of 100) read of one list: workflows, Dependabot
       * alerts, code-scanning alerts. A longer list makes its facts
       * unknown rather than undercounted. Defaults to 10.
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
