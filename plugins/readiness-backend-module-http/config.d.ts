/** A duration such as `{ seconds: 10 }`, as `HumanDuration` of `@backstage/types`. */
type HumanDuration = {
  years?: number;
  months?: number;
  weeks?: number;
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  milliseconds?: number;
};

export interface Config {
  readiness?: {
    /** The HTTP fact collector: facts from any JSON API, without code. */
    http?: {
      /**
       * One fact collector per entry. With none, the module adds no
       * collector. Checked at start-up; a mistake stops the backend with a
       * message naming the key.
       */
      collectors?: Array<{
        /**
         * The collector id (lowercase letters, digits and dashes), and the
         * prefix of its fact names, e.g. `sonarqube`. Also the key of
         * `readiness.collectors.<id>` (enabled, frequency).
         */
        id: string;

        /**
         * Which entities to collect for, as a filter predicate, e.g.
         * `{ 'metadata.annotations.sonarqube.org/project-key': { $exists: true } }`.
         * All entities when left out.
         */
        appliesTo?: { [key: string]: unknown };

        /**
         * The URL, with `{{ … }}` placeholders filled from the entity:
         * `{{ metadata.name }}`, `{{ spec.owner }}`,
         * `{{ metadata.annotations['sonarqube.org/project-key'] }}`.
         * Placeholders go only in path segments and query values (one in
         * the scheme, user, host, port, a query name or the fragment is
         * refused at start-up). Values are percent-encoded; a path-segment
         * value that is `.`, `..` or holds `/` fails the entity with a
         * reason, sending nothing. An entity without a named field fails
         * with a reason naming it.
         */
        url: string;

        /** GET (the default) or POST. */
        method?: 'GET' | 'POST';

        /**
         * For POST: the request body, with the same placeholders as `url`;
         * values are escaped for a JSON string.
         */
        body?: string;

        /**
         * Request headers, e.g. `Authorization: Bearer ${SONARQUBE_TOKEN}`.
         * Secret: never logged nor returned by the API.
         */
        headers?: {
          /** @visibility secret */
          [name: string]: string;
        };

        /**
         * How long one attempt may take, e.g. `'5s'` or `{ seconds: 5 }`.
         * Defaults to 10 seconds.
         */
        timeout?: HumanDuration | string;

        /**
         * Attempts after the first, on network errors, timeouts, 429 (after
         * its Retry-After) and 5xx, with exponential backoff and jitter.
         * Never on other 4xx. Defaults to 2.
         */
        retries?: number;

        /**
         * At most `requests` per `per`, over all entities, e.g.
         * `{ requests: 10, per: '1s' }`; requests are spaced evenly unless
         * `burst` allows that many at once. No limit when left out.
         */
        rateLimit?: {
          requests: number;
          per: HumanDuration | string;
          /** Requests that may go at once before the spacing applies. Defaults to 1. */
          burst?: number;
        };

        /** Requests in flight at once, over all entities. Defaults to 4. */
        concurrency?: number;

        /**
         * The largest response body read, in bytes; a larger one is not
         * read further and fails that entity with a reason. Defaults to
         * 5242880 (5 MiB).
         */
        maxResponseBytes?: number;

        /**
         * Follows pages: either `nextUrlPath` (JSONPath to the next page's
         * URL in each response) or `pageParam` (a page-number query
         * parameter). List facts are merged across pages; other facts come
         * from the first page that has them.
         */
        pagination?: {
          /** JSONPath to the next page's URL, absolute or relative; stops when absent. */
          nextUrlPath?: string;
          /** The query parameter of the page number, e.g. `p`. */
          pageParam?: string;
          /** The first page's number. Defaults to 1. */
          firstPage?: number;
          /** The query parameter of the page size, e.g. `ps`. */
          pageSizeParam?: string;
          /** Items per page; a shorter page is the last. */
          pageSize?: number;
          /** JSONPath to the total number of items; needs `pageSize`. */
          totalPath?: string;
          /**
           * Pages fetched at most; when there are more, list facts are left
           * out as incomplete. Defaults to 10.
           */
          maxPages?: number;
        };

        /** The facts, each at a JSONPath in the response. */
        facts: Array<{
          /** Starts with the collector id and a dot, e.g. `sonarqube.coverage`. */
          name: string;
          type: 'string' | 'number' | 'boolean' | 'string-list' | 'string-map';
          description: string;
          /**
           * A JSONPath expression, e.g. `$.component.measures[0].value`.
           * Script expressions (`?(…)`) are refused.
           */
          path: string;
          /**
           * For boolean facts: true when the selected value equals this,
           * e.g. `OK` for a quality gate status.
           */
          equals?: string | number | boolean;
        }>;
      }>;
    };
  };
}
