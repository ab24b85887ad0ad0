/**
 * Helpers for putting values that entity authors control (annotations,
 * names) into URLs that carry a collector's credentials: a value can fill
 * one path segment or one query value, and never change the host or climb
 * out of the path it was given.
 */

import { CollectorError } from './CollectorError';

/**
 * A value refused as part of a URL: the entity's facts are unknown with
 * this reason, and no request is sent.
 *
 * @public
 */
export class UnsafeUrlValueError extends CollectorError {
  constructor(message: string, options?: { cause?: unknown }) {
    // Safe to show: it names the entity's own value, never the API.
    super(message, options);
    this.name = 'UnsafeUrlValueError';
  }
}

/**
 * `value` percent-encoded as one path segment. An empty value, `.`, `..`
 * (which would name the current or parent path) or a value with `/` or `\`
 * (which would make more segments) is refused with an
 * {@link UnsafeUrlValueError} naming `what`, e.g. the annotation.
 *
 * @public
 */
export function encodePathSegment(value: string, what: string): string {
  if (value === '' || value === '.' || value === '..') {
    throw new UnsafeUrlValueError(
      `${what} ${JSON.stringify(
        value,
      )} cannot be a path segment of a URL (it is empty, "." or "..")`,
    );
  }
  if (/[/\\]/.test(value)) {
    throw new UnsafeUrlValueError(
      `${what} ${JSON.stringify(
        value,
      )} cannot be a path segment of a URL (it contains "/" or "\\")`,
    );
  }
  return encodeURIComponent(value);
}

/**
 * Checks that `url`, built from entity data, is still on the origin
 * (scheme, host and port) of `base`, the configured API: a defence in depth
 * behind the encoding, so that credentials never go elsewhere.
 *
 * @public
 */
export function assertSameOrigin(url: string | URL, base: string | URL): void {
  const target = new URL(url);
  const expected = new URL(base).origin;
  if (target.origin !== expected) {
    // The public reason names no address; the log gets them from the cause.
    throw new UnsafeUrlValueError(
      "the URL built from the entity's data leaves the configured API; no request was sent",
      { cause: new Error(`${target.origin} is not ${expected}`) },
    );
  }
}
