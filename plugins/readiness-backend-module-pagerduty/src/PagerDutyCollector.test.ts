import { appliesToEntity } from '@readiness/plugin-readiness-common';
import { TOKEN } from './__testUtils__/fakePagerDuty';
import {
  at,
  baseState,
  collectOne,
  collectorContext,
  collectorTestLogger,
  component,
  DAY,
  payments,
  collectorPerTest,
} from './__testUtils__/pagerDutyCollectorSetup';
import { PagerDutyClient } from './PagerDutyClient';
import { PagerDutyCollector } from './PagerDutyCollector';

const { setup, fake } = collectorPerTest();

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
    const requests = fake().requests.map(r => r.url);
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
    for (const request of fake().requests) {
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
    expect(fake().requests.map(r => r.url.pathname)).toContain(
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

  it('leaves out the entities that fail in a batch, and throws when all do', async () => {
    const collector = await setup();
    const ghost = component('ghost', { 'pagerduty.com/service-id': 'PNOPE' });
    const collected = await collector.collect(
      [payments, ghost],
      collectorContext(),
    );
    expect([...collected.keys()]).toEqual(['component:default/payments']);
    expect(collectorTestLogger.warn).toHaveBeenCalledWith(
      'Could not collect PagerDuty facts of component:default/ghost: PagerDuty service PNOPE not found',
    );
    await expect(
      collector.collect([ghost, ghost], collectorContext()),
    ).rejects.toThrow('PagerDuty service PNOPE not found');
  });

  it('keeps to the concurrency limit over concurrent collections', async () => {
    const collector = await setup(undefined, undefined, { concurrency: 2 });
    await Promise.all(
      Array.from({ length: 4 }, () =>
        collector.collect([payments], collectorContext()),
      ),
    );
    expect(fake().requests.length).toBe(20);
    expect(fake().maxInFlight).toBe(2);
  });
});
