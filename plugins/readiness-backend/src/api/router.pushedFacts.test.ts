import { mockCredentials } from '@backstage/backend-test-utils';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { checkout } from '../__testUtils__/catalogEntities';
import {
  coveredCheck,
  hoursAgo,
  PUSHED_FACTS_CONFIG,
  pushableBy,
  pushFacts,
} from '../__testUtils__/pushedFactsFixtures';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';

jest.setTimeout(60_000);

const CHECKOUT = 'component/default/checkout';
const CHECKOUT_REF = 'component:default/checkout';

/** The refusal of an entity that does not exist or does not name the caller. */
const notAllowed = (ref: string, subject: string) =>
  `no entity ${ref} allows ${subject} to push facts (annotation readiness.dev/fact-pushers); the entity's owners add the subject there, or readiness.serviceAccess.pushFacts lists it for every entity`;

describe('readiness API: pushed facts', () => {
  it('stores pushed facts and re-evaluates the entity with them', async () => {
    const { server } = await startReadinessBackend({
      entities: [pushableBy(checkout)],
      config: PUSHED_FACTS_CONFIG,
    });
    await expect(coveredCheck(server, CHECKOUT)).resolves.toMatchObject({
      status: 'unknown',
      reason: expect.stringContaining(
        `no value pushed for ${CHECKOUT_REF} yet`,
      ),
    });

    const observedAt = hoursAgo(1);
    const res = await pushFacts(server, {
      entityRef: 'Component:default/checkout',
      source: 'github-actions',
      observedAt,
      facts: { testCoverage: 87.5, 'pushed.suites': ['unit', 'e2e'] },
    });

    expect(res.status).toBe(201);
    // The ref as sent, normalised; nothing read from the catalog.
    expect(res.body).toEqual({
      entityRef: CHECKOUT_REF,
      facts: [
        { name: 'pushed.testCoverage', observedAt, stored: true },
        { name: 'pushed.suites', observedAt, stored: true },
      ],
      evaluation: 'done',
    });
    await expect(coveredCheck(server, CHECKOUT)).resolves.toMatchObject({
      status: 'pass',
      evidence: [
        {
          fact: 'pushed.testCoverage',
          value: 87.5,
          source: 'pushed:github-actions',
          observedAt,
        },
      ],
    });
  });

  it('makes a check over an observation older than its maxAge unknown', async () => {
    const { server } = await startReadinessBackend({
      entities: [pushableBy(checkout)],
      config: PUSHED_FACTS_CONFIG,
    });
    const res = await pushFacts(server, {
      entityRef: CHECKOUT_REF,
      source: 'github-actions',
      observedAt: hoursAgo(10 * 24),
      facts: { testCoverage: 95 },
    });
    expect(res.status).toBe(201);
    await expect(coveredCheck(server, CHECKOUT)).resolves.toMatchObject({
      status: 'unknown',
      reason:
        'fact pushed.testCoverage is stale: observed 10 days ago, max age 7d',
    });
  });

  it('keeps a newer observation when an older one is pushed after it, and says so', async () => {
    const { server } = await startReadinessBackend({
      entities: [pushableBy(checkout)],
      config: PUSHED_FACTS_CONFIG,
    });
    const newer = hoursAgo(1);
    const first = await pushFacts(server, {
      entityRef: CHECKOUT_REF,
      source: 'nightly',
      observedAt: newer,
      facts: { testCoverage: 90 },
    });
    expect(first.status).toBe(201);

    const older = hoursAgo(2);
    const res = await pushFacts(server, {
      entityRef: CHECKOUT_REF,
      source: 'late-runner',
      observedAt: older,
      facts: { testCoverage: 10, green: true },
    });

    expect(res.status).toBe(201);
    // Nothing of the other pipeline's observation but that it is later.
    expect(res.body.facts).toEqual([
      {
        name: 'pushed.testCoverage',
        stored: false,
        reason: 'a later observation is stored',
      },
      { name: 'pushed.green', observedAt: older, stored: true },
    ]);
    await expect(coveredCheck(server, CHECKOUT)).resolves.toMatchObject({
      status: 'pass',
      evidence: [{ value: 90, source: 'pushed:nightly', observedAt: newer }],
    });
  });

  it('refuses users: pipelines push with a service token', async () => {
    const { server } = await startReadinessBackend({
      entities: [pushableBy(checkout)],
      config: PUSHED_FACTS_CONFIG,
    });
    const res = await pushFacts(
      server,
      {
        entityRef: CHECKOUT_REF,
        source: 'laptop',
        facts: { testCoverage: 99 },
      },
      mockCredentials.user.header('user:default/ada'),
    );
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      name: 'NotAllowedError',
      message:
        'Facts are pushed by pipelines with a service token (see backend.auth.externalAccess), not by users',
    });
    await expect(coveredCheck(server, CHECKOUT)).resolves.toMatchObject({
      status: 'unknown',
    });
  });

  it('re-evaluates when the same value is observed again, and only then', async () => {
    const { server } = await startReadinessBackend({
      entities: [pushableBy(checkout)],
      config: PUSHED_FACTS_CONFIG,
    });
    const push = (observedAt: string) =>
      pushFacts(server, {
        entityRef: CHECKOUT_REF,
        source: 'github-actions',
        observedAt,
        facts: { testCoverage: 85 },
      });
    // Older than the check's maxAge of 7 days: unknown.
    const stale = hoursAgo(10 * 24);
    expect((await push(stale)).body.evaluation).toBe('done');
    await expect(coveredCheck(server, CHECKOUT)).resolves.toMatchObject({
      status: 'unknown',
    });

    const fresh = hoursAgo(1);
    const renewed = await push(fresh);
    expect(renewed.body).toMatchObject({
      facts: [{ name: 'pushed.testCoverage', stored: true }],
      evaluation: 'done',
    });
    await expect(coveredCheck(server, CHECKOUT)).resolves.toMatchObject({
      status: 'pass',
      evidence: [{ value: 85, observedAt: fresh }],
    });

    // The same observation again, or an older one: nothing newer stored.
    for (const observedAt of [fresh, stale]) {
      const again = await push(observedAt);
      expect(again.status).toBe(201);
      expect(again.body.evaluation).toBe('unchanged');
    }
  });

  it("answers 429 with Retry-After beyond the caller's pushes per window", async () => {
    const { server } = await startReadinessBackend({
      entities: [pushableBy(checkout)],
      config: {
        readiness: {
          ...PUSHED_FACTS_CONFIG.readiness,
          pushedFactsLimits: { callerLimit: 2, callerWindow: '1h' },
        },
      },
    });
    const push = () =>
      pushFacts(server, {
        entityRef: CHECKOUT_REF,
        source: 'github-actions',
        facts: { testCoverage: 85 },
      });
    expect((await push()).status).toBe(201);
    expect((await push()).status).toBe(201);
    const refused = await push();
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.body.error.message).toBe(
      'At most 2 pushes per 3600 seconds; try again later',
    );
  });

  it('answers an entity the catalog does not have like one that does not name the caller', async () => {
    const { server } = await startReadinessBackend({
      entities: [checkout],
      config: PUSHED_FACTS_CONFIG,
    });
    const push = (entityRef: string) =>
      pushFacts(server, {
        entityRef,
        source: 'github-actions',
        facts: { testCoverage: 99 },
      });
    const unknown = await push('component:default/nope');
    const unlisted = await push(CHECKOUT_REF);
    expect([unknown.status, unlisted.status]).toEqual([400, 400]);
    expect(unknown.body.error.message).toBe(
      notAllowed('component:default/nope', 'external:test-service'),
    );
    expect(unlisted.body.error.message).toBe(
      notAllowed(CHECKOUT_REF, 'external:test-service'),
    );
  });
});

describe('readiness API: pushed facts with static tokens', () => {
  /** Bound to checkout by its annotation. */
  const CHECKOUT_TOKEN = 'ci-checkout-token-0123456789';
  /** Listed in readiness.serviceAccess.pushFacts: every entity. */
  const HARNESS_TOKEN = 'eval-harness-token-0123456789';
  const REFRESH_TOKEN = 'ci-refresher-token-0123456789';
  const PAYMENTS_REF = 'component:default/payments-api';

  /** Another entity, which names another pipeline only. */
  const paymentsApi: Entity = pushableBy(
    {
      ...checkout,
      metadata: { ...checkout.metadata, name: 'payments-api' },
    },
    'ci-payments',
  );

  /** A static token restricted to one permission of readiness. */
  const staticToken = (token: string, subject: string, permission: string) => ({
    type: 'static',
    options: { token, subject },
    accessRestrictions: [{ plugin: 'readiness', permission }],
  });

  /** Real auth: static tokens from config, restricted as configured. */
  async function startWithTokens() {
    return startReadinessBackend({
      // A static token's subject is its configured `subject`, no prefix.
      entities: [pushableBy(checkout, 'ci-other,  ci-checkout'), paymentsApi],
      catalogAsCaller: true,
      modules: [authServiceFactory],
      httpAuth: httpAuthServiceFactory,
      config: {
        readiness: {
          ...PUSHED_FACTS_CONFIG.readiness,
          serviceAccess: { pushFacts: ['eval-harness'] },
        },
        backend: {
          auth: {
            externalAccess: [
              staticToken(
                CHECKOUT_TOKEN,
                'ci-checkout',
                'readiness.facts.push',
              ),
              staticToken(
                HARNESS_TOKEN,
                'eval-harness',
                'readiness.facts.push',
              ),
              staticToken(
                REFRESH_TOKEN,
                'ci-refresher',
                'readiness.entity.refresh',
              ),
            ],
          },
        },
      },
    });
  }

  const push = (
    server: Parameters<typeof pushFacts>[0],
    entityRef: string,
    token: string,
  ) =>
    pushFacts(
      server,
      { entityRef, source: 'github-actions', facts: { testCoverage: 91 } },
      `Bearer ${token}`,
    );

  it('lets a token push to the entity that names it, but not read the catalog', async () => {
    const { server } = await startWithTokens();

    const res = await push(server, CHECKOUT_REF, CHECKOUT_TOKEN);
    expect(res.status).toBe(201);
    expect(res.body.facts[0]).toMatchObject({ stored: true });

    const read = await request(server)
      .get(`/api/readiness/entities/${CHECKOUT}`)
      .set('Authorization', `Bearer ${CHECKOUT_TOKEN}`);
    expect(read.status).toBe(403);
    expect(read.body.error.message).toMatch(/catalog/);
  });

  it('refuses a token an entity does not name as it refuses an unknown entity, storing nothing', async () => {
    const { server } = await startWithTokens();

    const other = await push(server, PAYMENTS_REF, CHECKOUT_TOKEN);
    const unknown = await push(
      server,
      'component:default/nope',
      CHECKOUT_TOKEN,
    );
    expect([other.status, unknown.status]).toEqual([400, 400]);
    expect(other.body.error.message).toBe(
      notAllowed(PAYMENTS_REF, 'ci-checkout'),
    );
    expect(unknown.body.error.message).toBe(
      notAllowed('component:default/nope', 'ci-checkout'),
    );
    // Nothing stored: an older observation of the fact is still taken.
    const older = await pushFacts(
      server,
      {
        entityRef: PAYMENTS_REF,
        source: 'nightly',
        observedAt: hoursAgo(1),
        facts: { testCoverage: 50 },
      },
      `Bearer ${HARNESS_TOKEN}`,
    );
    expect(older.body.facts[0]).toMatchObject({ stored: true });
  });

  it('lets a service readiness.serviceAccess.pushFacts lists push to every entity', async () => {
    const { server } = await startWithTokens();

    for (const ref of [CHECKOUT_REF, PAYMENTS_REF]) {
      const res = await push(server, ref, HARNESS_TOKEN);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        entityRef: ref,
        facts: [{ stored: true }],
        evaluation: 'done',
      });
    }
    const unknown = await push(server, 'component:default/nope', HARNESS_TOKEN);
    expect(unknown.status).toBe(400);
  });

  it('refuses a token restricted to another permission', async () => {
    const { server } = await startWithTokens();
    const res = await push(server, CHECKOUT_REF, REFRESH_TOKEN);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'ci-refresher may not push facts (readiness.facts.push)',
    );
  });
});
