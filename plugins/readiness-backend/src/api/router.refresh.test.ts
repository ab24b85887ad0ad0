import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  checkout,
  paymentsSystem,
  library,
} from '../__testUtils__/catalogEntities';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';

describe('readiness API: refresh', () => {
  it('re-evaluates on refresh', async () => {
    const { server } = await startReadinessBackend({ entities: [checkout] });
    const url = '/api/readiness/entities/component/default/checkout';
    const first = await request(server).get(url).expect(200);

    const refreshed = await request(server).post(`${url}/refresh`).expect(200);

    expect(
      Date.parse(refreshed.body.scorecards[0].evaluatedAt),
    ).toBeGreaterThanOrEqual(Date.parse(first.body.scorecards[0].evaluatedAt));
    expect(refreshed.body.scorecards[0].score).toBe(
      first.body.scorecards[0].score,
    );
  });

  it('refuses a refresh without the refresh permission, and keeps the results', async () => {
    const { server } = await startReadinessBackend({
      entities: [checkout],
      permissions: mockServices.permissions.factory({
        result: AuthorizeResult.DENY,
      }),
    });
    const url = '/api/readiness/entities/component/default/checkout';
    const before = await request(server).get(url).expect(200);

    const res = await request(server).post(`${url}/refresh`);

    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      name: 'NotAllowedError',
      message:
        'You may not refresh the readiness of component:default/checkout',
    });
    const after = await request(server).get(url).expect(200);
    expect(after.body).toEqual(before.body);
  });

  describe('refresh by services', () => {
    const url = '/api/readiness/entities/component/default/checkout/refresh';
    const asService = (subject: string) =>
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.service(subject),
      });

    it('refuses every service by default, though the permission framework allows services', async () => {
      const { server } = await startReadinessBackend({
        entities: [checkout],
        permissions: mockServices.permissions.factory({
          result: AuthorizeResult.ALLOW,
        }),
        httpAuth: asService('external:ci'),
      });

      const res = await request(server).post(url);

      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({
        name: 'NotAllowedError',
        message:
          'Service external:ci may not refresh: it is not listed in readiness.serviceAccess.refresh',
      });
    });

    it('lets the services config names refresh, and no other', async () => {
      const config = {
        readiness: { serviceAccess: { refresh: ['external:ci'] } },
      };
      const listed = await startReadinessBackend({
        entities: [checkout],
        config,
        httpAuth: asService('external:ci'),
      });
      await request(listed.server).post(url).expect(200);

      const other = await startReadinessBackend({
        entities: [checkout],
        config,
        httpAuth: asService('external:other'),
      });
      const res = await request(other.server).post(url);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/external:other may not refresh/);
    });

    it('still lets users refresh through the permission framework', async () => {
      const { server } = await startReadinessBackend({ entities: [checkout] });
      const res = await request(server)
        .post(url)
        .set('Authorization', mockCredentials.user.header('user:default/ada'));
      expect(res.status).toBe(200);
    });
  });

  it('answers 429 with Retry-After to a caller refreshing too often', async () => {
    const { server } = await startReadinessBackend({
      entities: [checkout, library, paymentsSystem],
      config: { readiness: { refresh: { callerLimit: 2 } } },
    });
    const refresh = (entity: string, user = 'user:default/ada') =>
      request(server)
        .post(`/api/readiness/entities/${entity}/refresh`)
        .set('Authorization', mockCredentials.user.header(user));

    await refresh('component/default/checkout').expect(200);
    const again = await refresh('component/default/checkout');
    expect(again.status).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(50);
    expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(again.body).toMatchObject({
      error: {
        name: 'TooManyRequestsError',
        message:
          'component:default/checkout was refreshed less than 60 seconds ago; try again later',
      },
      request: { method: 'POST' },
      response: { statusCode: 429 },
    });

    // Another user may; the same user may refresh other entities, up to
    // their limit per window.
    await refresh('component/default/checkout', 'user:default/bob').expect(200);
    await refresh('component/default/utils').expect(200);
    const third = await refresh('system/default/payments');
    expect(third.status).toBe(429);
    expect(third.body.error.message).toBe(
      'At most 2 refreshes per 600 seconds; try again later',
    );
  });
});
