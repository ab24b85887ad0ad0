import type { Request } from 'express';
import { requestAsRoute } from './requestAsRoute';

describe('requestAsRoute', () => {
  const request = {
    method: 'DELETE',
    baseUrl: '/api/readiness',
    route: { path: '/badges/:id' },
    // The id's first letter percent-encoded, and again in the query.
    originalUrl: '/api/readiness/badges/%733cret?again=s3cret',
    headers: { authorization: 'Bearer token' },
    get(name: string) {
      return name === 'user-agent' ? 'curl' : undefined;
    },
  } as unknown as Request;

  it("records the route's pattern, leaving the rest of the request as it is", () => {
    const asRoute = requestAsRoute(request);

    expect(asRoute.originalUrl).toBe('/api/readiness/badges/:id');
    expect(asRoute.method).toBe('DELETE');
    expect(asRoute.headers.authorization).toBe('Bearer token');
    expect(asRoute.get('user-agent')).toBe('curl');
    expect(request.originalUrl).toBe(
      '/api/readiness/badges/%733cret?again=s3cret',
    );
  });

  it('records where the router is mounted outside a route handler', () => {
    const outside = { ...request, route: undefined } as unknown as Request;

    expect(requestAsRoute(outside).originalUrl).toBe('/api/readiness');
  });
});
