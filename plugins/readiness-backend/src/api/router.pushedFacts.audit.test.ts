import { mockCredentials } from '@backstage/backend-test-utils';
import { checkout } from '../__testUtils__/catalogEntities';
import {
  PUSHED_FACTS_CONFIG,
  pushableBy,
  pushFacts,
} from '../__testUtils__/pushedFactsFixtures';
import { recordingAuditor } from '../__testUtils__/recordingAuditor';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';

jest.setTimeout(60_000);

const CHECKOUT_REF = 'component:default/checkout';

/** The backend with checkout open to the mock service, and its audit log. */
async function startAudited(config: object = PUSHED_FACTS_CONFIG) {
  const { events, factory } = recordingAuditor();
  const { server } = await startReadinessBackend({
    entities: [pushableBy(checkout)],
    config,
    auditor: factory,
  });
  const pushEvents = () => events.filter(e => e.eventId === 'facts-push');
  return { server, pushEvents };
}

describe('readiness API: pushed facts, audited', () => {
  it('audits a push with what was sent but no values, then what became of it', async () => {
    const { server, pushEvents } = await startAudited();
    const res = await pushFacts(server, {
      entityRef: 'Component:default/checkout',
      source: 'github-actions',
      facts: { testCoverage: 87.5, 'pushed.suites': ['unit', 'e2e'] },
    });
    expect(res.status).toBe(201);

    expect(pushEvents()).toEqual([
      {
        eventId: 'facts-push',
        severityLevel: 'medium',
        // The request, from which the auditor reads the actor.
        request: 'POST /api/readiness/facts',
        meta: {
          entityRef: 'Component:default/checkout',
          source: 'github-actions',
          facts: ['testCoverage', 'pushed.suites'],
        },
        outcome: 'success',
        outcomeMeta: { stored: 2, notStored: 0, evaluation: 'done' },
      },
    ]);
  });

  it('audits refusals as failures: a user, an entity that does not name the caller, undeclared facts', async () => {
    const { server, pushEvents } = await startAudited();
    const user = await pushFacts(
      server,
      { entityRef: CHECKOUT_REF, source: 'laptop', facts: { testCoverage: 1 } },
      mockCredentials.user.header('user:default/mallory'),
    );
    const elsewhere = await pushFacts(server, {
      entityRef: 'component:default/payments',
      source: 'github-actions',
      facts: { testCoverage: 1 },
    });
    const longName = 'x'.repeat(100);
    const names = Array.from({ length: 59 }, (_, i) => `fact${i}`);
    const tooMany = await pushFacts(server, {
      entityRef: CHECKOUT_REF,
      source: 'github-actions',
      facts: Object.fromEntries([longName, ...names].map(name => [name, 1])),
    });
    expect([user.status, elsewhere.status, tooMany.status]).toEqual([
      403, 400, 400,
    ]);

    const [userEvent, elsewhereEvent, tooManyEvent] = pushEvents();
    expect(userEvent).toMatchObject({
      outcome: 'fail',
      request: 'POST /api/readiness/facts',
      meta: { entityRef: CHECKOUT_REF, source: 'laptop' },
      error: expect.stringContaining('not by users'),
    });
    expect(elsewhereEvent).toMatchObject({
      outcome: 'fail',
      meta: { entityRef: 'component:default/payments' },
      error: expect.stringContaining('no entity component:default/payments'),
    });
    // 50 names at most, each cut short, the rest counted.
    expect(tooManyEvent).toMatchObject({
      outcome: 'fail',
      meta: { moreFacts: 10 },
      error: expect.stringContaining('at most 50 may be pushed at once'),
    });
    const audited = tooManyEvent.meta!.facts as string[];
    expect(audited).toHaveLength(50);
    expect(audited[0]).toBe(`${'x'.repeat(64)}…`);
    expect(audited[49]).toBe('fact48');
  });

  it("audits a caller's 429s once a minute, not each of them", async () => {
    const { server, pushEvents } = await startAudited({
      readiness: {
        ...PUSHED_FACTS_CONFIG.readiness,
        pushedFactsLimits: { callerLimit: 1, callerWindow: '1h' },
      },
    });
    const push = () =>
      pushFacts(server, {
        entityRef: CHECKOUT_REF,
        source: 'github-actions',
        facts: { testCoverage: 85 },
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await push()).status);
    }
    expect(statuses).toEqual([201, 429, 429, 429]);

    expect(pushEvents()).toEqual([
      expect.objectContaining({ outcome: 'success' }),
      expect.objectContaining({
        outcome: 'fail',
        meta: expect.objectContaining({ unauditedRefusals: 0 }),
        error: 'At most 1 pushes per 3600 seconds; try again later',
      }),
    ]);
  });
});
