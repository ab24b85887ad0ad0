import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startBadgeBackend } from '../__testUtils__/badgeFixtures';

jest.setTimeout(60_000);

const BADGES = '/api/readiness/badges';
const BO = mockCredentials.user.header('user:default/bo');

/** Asks for the entity's public badge as the default user. */
function createBadge(server: Parameters<typeof request>[0], name: string) {
  return request(server)
    .post(BADGES)
    .send({ entityRef: `component:default/${name}`, scorecard: 'ownership' });
}

/** What a refusal says, to compare with {@link TOO_MANY}. */
function refusalOf(res: request.Response) {
  return {
    status: res.status,
    retryAfter: res.headers['retry-after'],
    name: res.body.error?.name,
    message: res.body.error?.message,
  };
}

const TOO_MANY = {
  status: 429,
  retryAfter: '600',
  name: 'TooManyRequestsError',
  message:
    'At most 2 badge links made or revoked per 600 seconds; try again later',
};

describe('readiness API: badge link writes per caller', () => {
  it('counts new ids and revocations, answering 429 with Retry-After beyond readiness.badges.callerLimit', async () => {
    const { server } = await startBadgeBackend({
      public: true,
      badges: { callerLimit: 2, callerWindow: { minutes: 10 } },
    });

    const { body: checkout } = await createBadge(server, 'checkout').expect(
      200,
    );
    // The existing id again is no write.
    await createBadge(server, 'checkout').expect(200);
    await request(server).delete(`${BADGES}/${checkout.id}`).expect(204);

    expect(refusalOf(await createBadge(server, 'cart'))).toEqual(TOO_MANY);
    // Another caller has writes of their own.
    const { body: cart } = await createBadge(server, 'cart')
      .set('Authorization', BO)
      .expect(200);
    expect(
      refusalOf(await request(server).delete(`${BADGES}/${cart.id}`)),
    ).toEqual(TOO_MANY);
    await request(server)
      .delete(`${BADGES}/${cart.id}`)
      .set('Authorization', BO)
      .expect(204);
  });

  it('counts revocations of unknown ids too', async () => {
    const { server } = await startBadgeBackend({
      public: true,
      badges: { callerLimit: 2 },
    });
    const madeUp = (i: number) => `${i}`.padStart(32, 'u');

    await request(server)
      .delete(`${BADGES}/${madeUp(1)}`)
      .expect(404);
    await request(server)
      .delete(`${BADGES}/${madeUp(2)}`)
      .expect(404);

    expect(
      refusalOf(await request(server).delete(`${BADGES}/${madeUp(3)}`)),
    ).toEqual(TOO_MANY);
  });
});
