import type { FactCollector } from '@readiness/plugin-readiness-node';
import {
  FakeIncident,
  FakePagerDuty,
  FakeState,
  Intercept,
  startFakePagerDuty,
  TOKEN,
} from './fakePagerDuty';
import { mockLogger } from './mockLogger';
import { PagerDutyClient, PagerDutyClientOptions } from '../PagerDutyClient';
import { PagerDutyCollector } from '../PagerDutyCollector';

export type Entity = Parameters<FactCollector['collect']>[0][number];

export const NOW = new Date('2025-06-01T12:00:00.000Z');
export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

export function at(msBeforeNow: number, plusMs = 0): string {
  return new Date(NOW.getTime() - msBeforeNow + plusMs).toISOString();
}

export function component(
  name: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

export const payments = component('payments', {
  'pagerduty.com/service-id': 'P1',
});

export const INCIDENTS: FakeIncident[] = [
  {
    id: 'I1',
    created_at: at(2 * DAY),
    status: 'resolved',
    resolved_at: at(2 * DAY, 30 * MINUTE),
  },
  {
    // Resolved, with only last_status_change_at to tell when.
    id: 'I2',
    created_at: at(5 * DAY),
    status: 'resolved',
    last_status_change_at: at(5 * DAY, 60 * MINUTE),
  },
  { id: 'I3', created_at: at(DAY), status: 'triggered' },
  // Older than 30 days: not asked for.
  {
    id: 'I0',
    created_at: at(40 * DAY),
    status: 'resolved',
    resolved_at: at(40 * DAY, 600 * MINUTE),
  },
];

export function baseState(): FakeState {
  return {
    services: [
      {
        id: 'P1',
        status: 'active',
        escalationPolicyId: 'EP1',
        integrationKeys: ['a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6'],
        incidents: INCIDENTS,
      },
    ],
    policies: { EP1: 2 },
    oncalls: {
      EP1: [
        { level: 2, user: 'Bob Brown' },
        { level: 1, user: 'Ada Lovelace' },
        { level: 2, user: 'Ada Lovelace' },
      ],
    },
    pageLimit: 2,
  };
}

export const collectorTestLogger = mockLogger();

/** A fake PagerDuty with `state`, and a collector of it whose clock says NOW. */
export async function startCollector(
  state: FakeState = baseState(),
  intercept?: Intercept,
  options: Partial<PagerDutyClientOptions> = {},
): Promise<{ fake: FakePagerDuty; collector: PagerDutyCollector }> {
  const fake = await startFakePagerDuty(state, intercept);
  const client = new PagerDutyClient({
    baseUrl: fake.baseUrl,
    token: TOKEN,
    concurrency: 4,
    timeoutMs: 2000,
    maxPages: 10,
    ...options,
  });
  return { fake, collector: new PagerDutyCollector(client, () => NOW) };
}

/** The context of a collection that ends in `ms`. */
export function collectorContext(ms = 3000, log = collectorTestLogger) {
  return {
    logger: log,
    signal: AbortSignal.timeout(ms),
    deadline: new Date(Date.now() + ms),
  };
}

/** The facts of one entity, collected alone. */
export async function collectOne(
  collector: PagerDutyCollector,
  entity: Entity = payments,
) {
  const collected = await collector.collect([entity], collectorContext());
  return collected.get(`component:default/${entity.metadata.name}`);
}

/**
 * For a test file: `setup` starts a collector against a fake PagerDuty,
 * which is closed after each test; `fake()` is the running test's.
 */
export function collectorPerTest() {
  let current: FakePagerDuty | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    async setup(
      state?: FakeState,
      intercept?: Intercept,
      options: Partial<PagerDutyClientOptions> = {},
    ) {
      const started = await startCollector(state, intercept, options);
      current = started.fake;
      return started.collector;
    },
    fake(): FakePagerDuty {
      if (!current) {
        throw new Error('No collector was started in this test');
      }
      return current;
    },
  };
}
