import {
  baseState,
  collectOne,
  collectorContext,
  component,
  collectorPerTest,
} from './__testUtils__/pagerDutyCollectorSetup';

const { setup, fake } = collectorPerTest();

describe('PagerDutyCollector services', () => {
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
    expect(fake().requests).toEqual([]);
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
    expect(fake().requests.map(r => r.url.pathname)).toEqual(['/services']);
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
    const collected = await collector.collect(
      [byKey, other],
      collectorContext(),
    );
    expect(collected.get('component:default/by-key')).toMatchObject({
      'pagerduty.serviceActive': true,
      'pagerduty.incidents30d': 3,
    });
    expect(collected.get('component:default/other')).toMatchObject({
      'pagerduty.onCall': [],
      'pagerduty.escalationLevels': null,
    });
    const listings = fake().requests.filter(
      r => r.url.pathname === '/services',
    );
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
    expect(fake().requests.map(r => r.url.pathname)).not.toContain('/services');
  });
});
