import {
  describeError,
  FactsPushResult,
  isRecord,
  readResponseText,
  ResponseTooLargeError,
} from '@readiness/plugin-readiness-common';
import { BackendError, InputError } from '../errors';

/**
 * The largest answer read: one of 50 facts is a few KiB, an error message
 * less; more is not the Readiness backend.
 */
export const MAX_ANSWER_BYTES = 256 * 1024;

/** Hosts the token may go to over plain http: this machine only. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface PostFactsRequest {
  /** Backstage's base URL, e.g. `https://backstage.example.com`. */
  url: string;
  token: string;
  body: object;
  timeoutMs: number;
}

/**
 * Where facts are pushed on the Backstage at `url`: https, or http to this
 * machine only, since the token goes in the clear over http.
 */
export function factsEndpoint(url: string): URL {
  let base: URL | undefined;
  try {
    base = new URL(url.endsWith('/') ? url : `${url}/`);
  } catch {
    base = undefined;
  }
  if (!base || !['http:', 'https:'].includes(base.protocol)) {
    throw new InputError(
      `--url must be the http(s) URL of Backstage, e.g. https://backstage.example.com, got ${JSON.stringify(
        url,
      )}`,
    );
  }
  if (
    base.protocol === 'http:' &&
    !LOOPBACK_HOSTS.has(base.hostname) &&
    !/^127(\.\d{1,3}){3}$/.test(base.hostname)
  ) {
    throw new InputError(
      `--url must be https: the token would go in the clear over http to ${base.hostname} (http is taken for localhost only)`,
    );
  }
  return new URL('api/readiness/facts', base);
}

/** The message of an error in Backstage's format, if the body is one. */
function errorMessageOf(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text);
    const error = isRecord(body) ? body.error : undefined;
    return isRecord(error) && typeof error.message === 'string'
      ? error.message
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Pushes the facts; the backend's answer, or its error message as it is:
 * an `InputError` for a 400 (the push itself is wrong), a `BackendError`
 * for anything else, an unreachable backend, or no answer in time.
 */
export async function postFacts(
  request: PostFactsRequest,
): Promise<FactsPushResult> {
  const endpoint = factsEndpoint(request.url);
  const seconds = Math.round(request.timeoutMs / 1000);
  let status: number;
  let statusText: string;
  let text: string;
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${request.token}`,
      },
      body: JSON.stringify(request.body),
      // The token goes to --url only, never where a redirect points.
      redirect: 'manual',
      // Also stops reading a body that trickles in.
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    ({ status, statusText } = response);
    text = await readResponseText(response, MAX_ANSWER_BYTES);
  } catch (error) {
    if (error instanceof ResponseTooLargeError) {
      throw new BackendError(
        `${endpoint} answered with more than ${MAX_ANSWER_BYTES} bytes; not the Readiness backend?`,
      );
    }
    if ((error as Error)?.name === 'TimeoutError') {
      throw new BackendError(
        `no answer from ${endpoint} within ${seconds} seconds`,
      );
    }
    const cause = (error as { cause?: unknown })?.cause ?? error;
    throw new BackendError(`cannot reach ${endpoint}: ${describeError(cause)}`);
  }
  if (status === 201) {
    try {
      return JSON.parse(text) as FactsPushResult;
    } catch {
      throw new BackendError(`${endpoint} answered 201 without JSON`);
    }
  }
  const message =
    errorMessageOf(text) ?? `${endpoint} answered ${status} ${statusText}`;
  if (status === 400) {
    throw new InputError(message);
  }
  throw new BackendError(message);
}
