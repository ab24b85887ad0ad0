import type {
  EntityPredicate,
  FactType,
} from '@readiness/plugin-readiness-common';
import type { FactCollector } from '@readiness/plugin-readiness-node';

/** A catalog entity, as collectors receive it. */
export type Entity = Parameters<FactCollector['collect']>[0][number];

/** One fact of an HTTP collector: where it is in the response and its type. */
export interface HttpFactSpec {
  /** Starts with the collector id and a dot. */
  name: string;
  type: FactType;
  description: string;
  /** A JSONPath expression into the response, without script expressions. */
  path: string;
  /** For boolean facts: true when the selected value equals this. */
  equals?: string | number | boolean;
}

/** Follows a link to the next page found in each response. */
export interface NextUrlPagination {
  kind: 'next-url';
  /** JSONPath to the next page's URL, absolute or relative to the current. */
  nextUrlPath: string;
  maxPages: number;
}

/** Asks for page 1, 2, 3, … with a query parameter. */
export interface PageNumberPagination {
  kind: 'page-number';
  pageParam: string;
  firstPage: number;
  pageSizeParam?: string;
  pageSize?: number;
  /** JSONPath to the total number of items, when the API gives it. */
  totalPath?: string;
  maxPages: number;
}

export type HttpPagination = NextUrlPagination | PageNumberPagination;

/** `rateLimit`: at most `requests` per `perMs`, in bursts of `burst`. */
export interface RateLimit {
  requests: number;
  perMs: number;
  burst: number;
}

/** One entry of `readiness.http.collectors`, validated. */
export interface HttpCollectorSpec {
  id: string;
  appliesTo?: EntityPredicate;
  /** The URL template, e.g. `https://sonar/api/x?component={{ metadata.name }}`. */
  url: string;
  method: 'GET' | 'POST';
  /** A body template for POST; values are inserted JSON-escaped. */
  body?: string;
  /** Secret: never logged nor put in an error message. */
  headers: Record<string, string>;
  timeoutMs: number;
  retries: number;
  rateLimit?: RateLimit;
  concurrency: number;
  /** A larger response body is refused, unread past this size. */
  maxResponseBytes: number;
  pagination?: HttpPagination;
  facts: HttpFactSpec[];
}
