import type { Request } from 'express';

/**
 * The request with its route's pattern as its URL, e.g.
 * `/api/readiness/badges/:id`, for the auditor, which records the URL: no
 * path parameter and no query reaches the audit log, however they were
 * written (percent-encoded ones included). Everything else (the caller's
 * credentials, address and user agent) is read from the request itself.
 * Outside a route handler, the URL is where the router is mounted.
 */
export function requestAsRoute(request: Request): Request {
  const routePath: string = request.route?.path ?? '';
  return Object.create(request, {
    originalUrl: { value: `${request.baseUrl}${routePath}` },
  });
}
