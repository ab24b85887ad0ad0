import type { Request } from 'express';

/**
 * The request with `secret` replaced by `{id}` in its URL, for the auditor,
 * which records the URL: everything else (the caller's credentials, address
 * and user agent) is read from the request itself.
 */
export function redactedRequest(request: Request, secret: string): Request {
  return Object.create(request, {
    originalUrl: { value: request.originalUrl.split(secret).join('{id}') },
  });
}
