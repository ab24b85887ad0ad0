import type { Request } from 'express';
import { redactedRequest } from './redactedRequest';

describe('redactedRequest', () => {
  it('hides the secret in the URL, leaving the rest of the request as it is', () => {
    const request = {
      method: 'DELETE',
      originalUrl: '/api/readiness/badges/s3cret?again=s3cret',
      headers: { authorization: 'Bearer token' },
      get(name: string) {
        return name === 'user-agent' ? 'curl' : undefined;
      },
    } as unknown as Request;

    const redacted = redactedRequest(request, 's3cret');

    expect(redacted.originalUrl).toBe('/api/readiness/badges/{id}?again={id}');
    expect(redacted.method).toBe('DELETE');
    expect(redacted.headers.authorization).toBe('Bearer token');
    expect(redacted.get('user-agent')).toBe('curl');
    expect(request.originalUrl).toBe(
      '/api/readiness/badges/s3cret?again=s3cret',
    );
  });
});
