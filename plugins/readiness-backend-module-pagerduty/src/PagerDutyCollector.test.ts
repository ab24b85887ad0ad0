import { appliesToEntity } from '@readiness/plugin-readiness-common';
import type { FactCollector } from '@readiness/plugin-readiness-node';
import { sendJson } from '@readiness/plugin-readiness-node/testUtils';
import {
  FakeIncident,
  FakePagerDuty,
  FakeState,
  Intercept,
  startFakePagerDuty,
  TOKEN,
} from './__testUtils__/fakePagerDuty';
import { loggedText, mockLogger } from './__testUtils__/mockLogger';
import { PagerDutyClient, PagerDutyClientOptions } from './PagerDutyClient';
import { PagerDutyCollector, summariseIncidents } from './PagerDutyCollector';

type Entity = Parameters<FactCollector['collect']>[0][number];

const NOW = new Date('2025-06-01T12:00:00.000Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function at(msBeforeNow: number, plusMs = 0): string {
  return new Date(NOW.getTime() - msBeforeNow + plusMs).toISOString();
}

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

const payments = component('payments', { 'pagerduty.com/service-id': 'P1' });

const INCIDENTS: FakeIncident[] = [
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

function baseState(): FakeState {
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

const logger = mockLogger();
let fake: FakePagerDuty | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(
  state: FakeState = baseState(),
  intercept?: Intercept,
  options: Partial<PagerDutyClientOptions> = {},
) {
  fake = await startFakePagerDuty(state, intercept);
  const client = new PagerDutyClient({
    baseUrl: fake.baseUrl,
    token: TOKEN,
    concurrency: 4,
    timeoutMs: 2000,
    maxPages: 10,
    ...options,
  });
  return new PagerDutyCollector(client, () => NOW);
}

function context(ms = 3000, log = logger) {
  return {
    logger: log,
    signal: AbortSignal.timeout(ms),
    deadline: new Date(Date.now() + ms),
  };
}

async function collectOne(collector: PagerDutyCollector, entity = payments) {
  const collected = await collector.collect([entity], context());
  return collected.get(`component:default/${entity.metadata.name}`);
}

describe('PagerDutyCollector', () => {
  it('applies to entities with a service id or an integration key', () => {
    const { appliesTo } = new PagerDutyCollector({} as PagerDutyClient);
    expect(appliesToEntity(appliesTo, payments)).toBe(true);
    expect(
      appliesToEntity(
        appliesTo,
        component('a', { 'pagerduty.com/integration-key': 'k' }),
      ),
    ).toBe(true);
    expect(appliesToEntity(appliesTo, component('b', {}))).toBe(false);
  });

  it('observes an active service, its policy, who is on call and its incidents over pages', async () => {
    const collector = await setup();
    expect(await collectOne(collector)).toEqual({
      'pagerduty.serviceActive': true,
      'pagerduty.escalationLevels': 2,
      'pagerduty.onCall': ['Ada Lovelace', 'Bob Brown'],
      'pagerduty.incidents30d': 3,
      'pagerduty.mttrMinutes': 45,
    });
    const requests = fake!.requests.map(r => r.url);
    // The policy came with the service (include[]=escalation_policies).
    expect(requests.map(u => u.pathname).sort()).toEqual([
      '/incidents',
      '/incidents',
      '/oncalls',
      '/oncalls',
      '/services/P1',
    ]);
    const incidents = requests.filter(u => u.pathname === '/incidents');
    expect(incidents.map(u => u.searchParams.get('offset'))).toEqual([
      '0',
      '2',
    ]);
    expect(Object.fromEntries(incidents[0].searchParams)).toMatchObject({
      'service_ids[]': 'P1',
      since: '2025-05-02T12:00:00.000Z',
      until: '2025-06-01T12:00:00.000Z',
      limit: '100',
    });
    expect(incidents[0].searchParams.getAll('statuses[]')).toEqual([
      'triggered',
      'acknowledged',
      'resolved',
    ]);
    const oncalls = requests.find(u => u.pathname === '/oncalls')!;
    expect(oncalls.searchParams.get('escalation_policy_ids[]')).toBe('EP1');
    expect(oncalls.searchParams.get('earliest')).toBe('true');
    for (const request of fake!.requests) {
      expect(request.headers.authorization).toBe(`Token token=${TOKEN}`);
    }
  });

  it('says a disabled service is not active', async () => {
    const state = baseState();
    state.services[0].status = 'disabled';
    const collector = await setup(state);
    expect(await collectOne(collector)).toMatchObject({
      'pagerduty.serviceActive': false,
      'pagerduty.escalationLevels': 2,
    });
  });

  it('fetches the escalation policy when the service does not include it', async () => {
    const state = baseState();
    state.policies.EP1 = 1;
    state.expandPolicies = false;
    const collector = await setup(state);
    expect(await collectOne(collector)).toMatchObject({
      'pagerduty.escalationLevels': 1,
    });
    expect(fake!.requests.map(r => r.url.pathname)).toContain(
      '/escalation_policies/EP1',
    );
  });

  it('observes nobody on call and no incidents', async () => {
    const state = baseState();
    state.oncalls = {};
    state.services[0].incidents = [];
    const collector = await setup(state);
    expect(await collectOne(collector)).toMatchObject({
      'pagerduty.onCall': [],
      'pagerduty.incidents30d': 0,
      'pagerduty.mttrMinutes': null,
    });
  });

  it('gives no time to resolve when no incident was resolved', async () => {
    const state = baseState();
    state.services[0].incidents = [
      { id: 'I9', created_at: at(DAY), status: 'acknowledged' },
    ];
    const collector = await setup(state);
    expect(await collectOne(collector)).toMatchObject({
      'pagerduty.incidents30d': 1,
      'pagerduty.mttrMinutes': null,
    });
  });

  it('fails with a reason for a service PagerDuty does not know', async () => {
    const collector = await setup();
    await expect(
      collectOne(
        collector,
        component('ghost', { 'pagerduty.com/service-id': 'PNOPE' }),
      ),
    ).rejects.toThrow('PagerDuty service PNOPE not found');
  });

  it.each([
    '..',
    '.',
    '../users',
    '%2e%2e',
    'P1/../../users',
    'P1?include[]=x',
    'P1#x',
    'evil.example@P1',
    '//evil.example/P1',
  ])('sends no request for a service id %j and says why', async serviceId => {
    const collector = await setup();
    await expect(
      collectOne(
        collector,
        component('payments', { 'pagerduty.com/service-id': serviceId }),
      ),
    ).rejects.toThrow(
      `pagerduty.com/service-id ${JSON.stringify(
        serviceId,
      )} is not a PagerDuty id (letters and digits)`,
    );
    expect(fake!.requests).toEqual([]);
  });

  it('refuses a service id from the integration-key lookup that is not an id', async () => {
    const state = baseState();
    state.services[0].id = '..';
    const collector = await setup(state);
    await expect(
      collectOne(
        collector,
        component('payments', {
          'pagerduty.com/integration-key': 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
        }),
      ),
    ).rejects.toThrow('the PagerDuty service id ".." is not a PagerDuty id');
    expect(fake!.requests.map(r => r.url.pathname)).toEqual(['/services']);
  });

  it('finds the service of an integration key, once for all entities', async () => {
    const state = baseState();
    state.services.push(
      ...Array.from({ length: 3 }, (_, i) => ({
        id: `PX${i}`,
        integrationKeys: [`other-key-${i}`],
      })),
    );
    const collector = await setup(state);
    const byKey = component('by-key', {
      'pagerduty.com/integration-key': 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
    });
    const other = component('other', {
      'pagerduty.com/integration-key': 'other-key-2',
    });
    const collected = await collector.collect([byKey, other], context());
    expect(collected.get('component:default/by-key')).toMatchObject({
      'pagerduty.serviceActive': true,
      'pagerduty.incidents30d': 3,
    });
    expect(collected.get('component:default/other')).toMatchObject({
      'pagerduty.onCall': [],
      'pagerduty.escalationLevels': null,
    });
    const listings = fake!.requests.filter(r => r.url.pathname === '/services');
    // Two pages of two services, listed once for both entities.
    expect(listings).toHaveLength(2);
    expect(listings[0].url.searchParams.get('include[]')).toBe('integrations');
  });

  it('fails with a reason for an unknown integration key, without the key', async () => {
    const collector = await setup();
    const error = await collectOne(
      collector,
      component('lost', {
        'pagerduty.com/integration-key': 'ffffffffffffffffffffffffffff9999',
      }),
    ).catch(e => e);
    expect(error.message).toBe(
      'no PagerDuty service has an integration with the key …9999 of pagerduty.com/integration-key',
    );
  });

  it('prefers the service id to the integration key', async () => {
    const collector = await setup();
    await collectOne(
      collector,
      component('both', {
        'pagerduty.com/service-id': 'P1',
        'pagerduty.com/integration-key': 'unknown',
      }),
    );
    expect(fake!.requests.map(r => r.url.pathname)).not.toContain('/services');
  });

  it('waits out a rate limit within the deadline', async () => {
    let limited = false;
    const collector = await setup(undefined, (request, response) => {
      if (!limited && request.url.pathname === '/services/P1') {
        limited = true;
        sendJson(response, { error: { message: 'Rate Limit Exceeded' } }, 429, {
          'ratelimit-reset': '0.1',
        });
        return true;
      }
      return false;
    });
    expect(await collectOne(collector)).toMatchObject({
      'pagerduty.incidents30d': 3,
    });
  });

  it('fails when the rate limit lasts past the deadline', async () => {
    const collector = await setup(undefined, (_request, response) => {
      sendJson(response, { error: { message: 'Rate Limit Exceeded' } }, 429, {
        'ratelimit-reset': '60',
      });
      return true;
    });
    await expect(collectOne(collector)).rejects.toThrow(
      /^PagerDuty rate limited until .+, after the deadline of this collection$/,
    );
  });

  it('fails when PagerDuty is too slow', async () => {
    const collector = await setup(
      undefined,
      async request => {
        if (request.url.pathname === '/incidents') {
          await new Promise(resolve => setTimeout(resolve, 1000));
        }
        return false;
      },
      { timeoutMs: 100 },
    );
    await expect(collectOne(collector)).rejects.toThrow(
      /^PagerDuty GET \/incidents timed out after 100 ms$/,
    );
  });

  it('fails naming the status of a server error', async () => {
    const collector = await setup(undefined, (request, response) => {
      if (request.url.pathname === '/oncalls') {
        sendJson(response, 'oops', 500);
        return true;
      }
      return false;
    });
    await expect(collectOne(collector)).rejects.toThrow(
      'PagerDuty GET /oncalls answered 500 Internal Server Error',
    );
  });

  it('fails on malformed payloads', async () => {
    const answers: Record<string, unknown> = {
      '/services/P1': '{"service": {"id": "P1", ',
      '/services/P2': { services: [] },
      '/services/P3': { service: { id: 'P3' } },
    };
    const state = baseState();
    state.services.push({ id: 'P4', escalationPolicyId: 'EP1' });
    const collector = await setup(state, (request, response) => {
      const answer = answers[request.url.pathname];
      if (answer) {
        sendJson(response, answer);
        return true;
      }
      if (
        request.url.pathname === '/incidents' &&
        request.url.searchParams.get('service_ids[]') === 'P4'
      ) {
        sendJson(response, { incidents: 'none', more: false });
        return true;
      }
      return false;
    });
    const id = (serviceId: string) =>
      component(serviceId.toLowerCase(), {
        'pagerduty.com/service-id': serviceId,
      });
    await expect(collectOne(collector, id('P1'))).rejects.toThrow(
      /^PagerDuty GET \/services\/P1 answered malformed JSON: /,
    );
    for (const serviceId of ['P2', 'P3']) {
      await expect(collectOne(collector, id(serviceId))).rejects.toThrow(
        `PagerDuty GET /services/${serviceId} answered without a service and its status`,
      );
    }
    await expect(collectOne(collector, id('P4'))).rejects.toThrow(
      'PagerDuty GET /incidents answered without a list of incidents',
    );
  });

  it('fails when the incidents need more than maxPages pages', async () => {
    const state = baseState();
    state.oncalls.EP1 = state.oncalls.EP1.slice(0, 2);
    const collector = await setup(state, undefined, { maxPages: 1 });
    await expect(collectOne(collector)).rejects.toThrow(
      'PagerDuty service P1 has more incidents in the last 30 days than 1 pages hold; raise readiness.pagerduty.maxPages',
    );
  });

  it('leaves out the entities that fail in a batch, and throws when all do', async () => {
    const collector = await setup();
    const ghost = component('ghost', { 'pagerduty.com/service-id': 'PNOPE' });
    const collected = await collector.collect([payments, ghost], context());
    expect([...collected.keys()]).toEqual(['component:default/payments']);
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not collect PagerDuty facts of component:default/ghost: PagerDuty service PNOPE not found',
    );
    await expect(collector.collect([ghost, ghost], context())).rejects.toThrow(
      'PagerDuty service PNOPE not found',
    );
  });

  it('keeps to the concurrency limit over concurrent collections', async () => {
    const collector = await setup(undefined, undefined, { concurrency: 2 });
    await Promise.all(
      Array.from({ length: 4 }, () => collector.collect([payments], context())),
    );
    expect(fake!.requests.length).toBe(20);
    expect(fake!.maxInFlight).toBe(2);
  });
});

describe('PagerDutyCollector secrets', () => {
  it('sends the token but never logs it nor puts it in a reason', async () => {
    const log = mockLogger();
    let limited = false;
    const collector = await setup(undefined, (request, response) => {
      if (!limited) {
        limited = true;
        sendJson(response, { error: { message: 'Rate Limit Exceeded' } }, 429, {
          'ratelimit-reset': '0.05',
        });
        return true;
      }
      if (request.url.pathname === '/oncalls') {
        sendJson(response, { error: { message: 'Forbidden' } }, 403);
        return true;
      }
      return false;
    });
    const ghost = component('ghost', { 'pagerduty.com/service-id': 'PNOPE' });
    const error = await collector
      .collect([payments, ghost], context(3000, log))
      .catch(e => e);
    expect(error.message).toBe(
      'PagerDuty GET /oncalls answered 403 Forbidden: Forbidden',
    );
    expect(fake!.requests[0].headers.authorization).toBe(
      `Token token=${TOKEN}`,
    );
    expect(log.debug).toHaveBeenCalledWith(
      expect.stringMatching(/^PagerDuty rate limited until /),
    );
    expect(log.warn).toHaveBeenCalledTimes(2);
    expect(loggedText(log)).not.toContain(TOKEN);
    expect(loggedText(log)).not.toContain('Token token');
  });
});

describe('summariseIncidents', () => {
  it('counts each incident once and rounds the mean to a tenth of a minute', () => {
    const created = '2025-06-01T00:00:00Z';
    expect(
      summariseIncidents([
        {
          id: 'A',
          status: 'resolved',
          created_at: created,
          resolved_at: '2025-06-01T00:10:00Z',
        },
        {
          id: 'A',
          status: 'resolved',
          created_at: created,
          resolved_at: '2025-06-01T00:10:00Z',
        },
        {
          id: 'B',
          status: 'resolved',
          created_at: created,
          resolved_at: '2025-06-01T00:00:20Z',
        },
        { id: 'C', status: 'resolved', created_at: 'never' },
      ]),
    ).toEqual({ count: 3, mttrMinutes: 5.2 });
  });
});
