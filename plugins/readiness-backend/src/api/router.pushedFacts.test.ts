import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { checkout } from '../__testUtils__/catalogEntities';
import {
  coveredCheck,
  hoursAgo,
  PUSHED_FACTS_CONFIG,
  pushFacts,
} from '../__testUtils__/pushedFactsFixtures';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';

jest.setTimeout(60_000);

const CHECKOUT = 'component/default/checkout';
const CHECKOUT_REF = 'component:default/checkout';

describe('readiness API: pushed facts', () => {
  it('stores pushed facts and re-evaluates the entity with them', async () => {
    const { server } = await startReadinessBackend({
      entities: [checkout],
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
    expect(res.body).toEqual({
      entityRef: CHECKOUT_REF,
      facts: [
        { name: 'pushed.testCoverage', observedAt, stored: true },
        { name: 'pushed.suites', observedAt, stored: true },
      ],
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
      entities: [checkout],
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
      entities: [checkout],
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
    expect(res.body.facts).toEqual([
      {
        name: 'pushed.testCoverage',
        observedAt: newer,
        stored: false,
        reason: `a later observation, at ${newer}, is stored; an older one does not replace it`,
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
      entities: [checkout],
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

  it('refuses a service the permission policy denies, storing nothing', async () => {
    const { server } = await startReadinessBackend({
      entities: [checkout],
      config: PUSHED_FACTS_CONFIG,
      permissions: mockServices.permissions.factory({
        result: AuthorizeResult.DENY,
      }),
    });
    const res = await pushFacts(server, {
      entityRef: CHECKOUT_REF,
      source: 'github-actions',
      facts: { testCoverage: 99 },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'external:test-service may not push facts about component:default/checkout (readiness.facts.push)',
    );
    await expect(coveredCheck(server, CHECKOUT)).resolves.toMatchObject({
      status: 'unknown',
    });
  });

  it('answers 400 naming an entity the catalog does not have', async () => {
    const { server } = await startReadinessBackend({
      entities: [checkout],
      config: PUSHED_FACTS_CONFIG,
    });
    const res = await pushFacts(server, {
      entityRef: 'component:default/nope',
      source: 'github-actions',
      facts: { testCoverage: 99 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'entityRef names no entity in the catalog: component:default/nope',
    );
  });
});

describe('readiness API: pushed facts with static tokens', () => {
  const PUSH_TOKEN = 'ci-push-token-0123456789';
  const REFRESH_TOKEN = 'ci-refresh-token-0123456789';

  /** Real auth: static tokens from config, restricted as configured. */
  async function startWithTokens() {
    return startReadinessBackend({
      entities: [checkout],
      catalogAsCaller: true,
      modules: [authServiceFactory],
      httpAuth: httpAuthServiceFactory,
      config: {
        ...PUSHED_FACTS_CONFIG,
        backend: {
          auth: {
            externalAccess: [
              {
                type: 'static',
                options: { token: PUSH_TOKEN, subject: 'ci-pipeline' },
                accessRestrictions: [
                  { plugin: 'readiness', permission: 'readiness.facts.push' },
                ],
              },
              {
                type: 'static',
                options: { token: REFRESH_TOKEN, subject: 'ci-refresher' },
                accessRestrictions: [
                  {
                    plugin: 'readiness',
                    permission: 'readiness.entity.refresh',
                  },
                ],
              },
            ],
          },
        },
      },
    });
  }

  it('lets a token restricted to readiness.facts.push push, but not read the catalog', async () => {
    const { server } = await startWithTokens();

    const res = await pushFacts(
      server,
      {
        entityRef: CHECKOUT_REF,
        source: 'github-actions',
        facts: { testCoverage: 91 },
      },
      `Bearer ${PUSH_TOKEN}`,
    );
    expect(res.status).toBe(201);
    expect(res.body.facts[0]).toMatchObject({ stored: true });

    const read = await request(server)
      .get(`/api/readiness/entities/${CHECKOUT}`)
      .set('Authorization', `Bearer ${PUSH_TOKEN}`);
    expect(read.status).toBe(403);
    expect(read.body.error.message).toMatch(/catalog/);
  });

  it('refuses a token restricted to another permission', async () => {
    const { server } = await startWithTokens();
    const res = await pushFacts(
      server,
      {
        entityRef: CHECKOUT_REF,
        source: 'github-actions',
        facts: { testCoverage: 91 },
      },
      `Bearer ${REFRESH_TOKEN}`,
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'ci-refresher may not push facts about component:default/checkout (readiness.facts.push)',
    );
  });
});
