import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  CampaignItem,
  ScorecardDefinition,
} from '@readiness/plugin-readiness-common';
import {
  campaign,
  CAMPAIGN_SCORECARD,
  seedCampaignEntities,
} from '../__testUtils__/campaignFixtures';
import { registryWith } from '../__testUtils__/registryOf';
import { attributes, result, stored } from '../__testUtils__/storeFixtures';
import { createTestStores } from '../__testUtils__/testStores';
import { CampaignService } from './CampaignService';

jest.setTimeout(60_000);

const check = (
  id: string,
  level: string,
  enforcement: Partial<ScorecardDefinition['checks'][number]> = {},
): ScorecardDefinition['checks'][number] => ({
  id,
  title: id,
  category: 'ops',
  level,
  weight: 1,
  condition: { fact: 'catalog.owner', exists: true },
  remediation: { text: 'Fix it.' },
  ...enforcement,
});

/** `slos` advisory until June, `alerting` advisory for good, `owner` enforced. */
const SCORECARD: ScorecardDefinition = {
  id: CAMPAIGN_SCORECARD,
  title: 'Production readiness',
  description: '',
  appliesTo: { kind: 'component' },
  levels: [
    { id: 'bronze', title: 'Bronze' },
    { id: 'silver', title: 'Silver' },
  ],
  categories: [{ id: 'ops', title: 'Ops' }],
  checks: [
    check('owner', 'bronze'),
    check('slos', 'silver', { enforcedFrom: '2027-06-01' }),
    check('alerting', 'silver', { enforcement: 'advisory' }),
  ],
};

const PROMOTING = campaign({
  goal: { checks: ['slos', 'alerting'] },
  onComplete: { promote: true },
});
const BY_LEVEL = campaign({
  id: 'silver-for-all',
  title: 'Silver for all',
  goal: { level: 'silver' },
  dueAt: '2027-02-28',
});
const ENFORCED = campaign({ id: 'owners', goal: { checks: ['owner'] } });

describe('CampaignService', () => {
  const databases = TestDatabases.create();

  async function serviceOn(today: string) {
    const { knex, stores } = await createTestStores(databases);
    const visibleEntity = async (ref: { name: string }) => {
      if (ref.name === 'hidden') {
        throw new NotFoundError('No entity component:default/hidden');
      }
      return {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: ref.name, namespace: 'default' },
      } as Entity;
    };
    const service = new CampaignService({
      registry: registryWith([SCORECARD], [PROMOTING, BY_LEVEL, ENFORCED]),
      queries: stores.campaigns,
      entityResults: stores.entityResults,
      entities: { visibleEntity },
      now: () => new Date(`${today}T12:00:00Z`),
    });
    return { knex, stores, service };
  }

  it('gives the burn-up with its live point, projects completion and previews enforcement', async () => {
    const { knex, stores, service } = await serviceOn('2027-01-20');
    await seedCampaignEntities(knex, [
      { name: 'a', met: true, level: 'silver', levelIfEnforced: 'silver' },
      { name: 'b', met: true, level: 'silver', levelIfEnforced: 'silver' },
      { name: 'c', met: false, level: 'silver', levelIfEnforced: 'bronze' },
      { name: 'd', met: false, level: 'silver', levelIfEnforced: 'bronze' },
    ]);
    await stores.campaigns.recordSnapshot(PROMOTING.id, '2027-01-09', {
      targeted: 4,
      met: 4,
    });
    await stores.campaigns.recordSnapshot(PROMOTING.id, '2027-01-10', {
      targeted: 4,
      met: 0,
    });
    await stores.campaigns.recordSnapshot(PROMOTING.id, '2027-01-20', {
      targeted: 4,
      met: 1,
    });

    const details = await service.details(
      PROMOTING.id,
      { status: 'open', limit: 1 },
      undefined,
    );

    // From the start: the day before is left out; today's point is live.
    expect(details.burnUp).toEqual([
      { day: '2027-01-10', targeted: 4, met: 0 },
      { day: '2027-01-20', targeted: 4, met: 2 },
    ]);
    // Two more in ten days at two per ten days.
    expect(details.projectedCompletion).toBe('2027-01-30');
    expect(details.enforcement).toEqual({
      checks: ['slos', 'alerting'],
      enforcedFrom: '2027-04-01',
      levelChanges: [{ from: 'silver', to: 'bronze', entities: 2 }],
    });
    expect(details.campaign).toMatchObject({
      phase: 'running',
      daysLeft: 70,
      targeted: 4,
      met: 2,
      share: 0.5,
      source: 'test',
    });
    expect(details.entities).toEqual({
      items: [expect.objectContaining({ entityRef: 'component:default/c' })],
      total: 2,
      nextCursor: expect.any(String),
    });
    const next = await service.details(
      PROMOTING.id,
      { status: 'open', limit: 1, cursor: details.entities.nextCursor },
      undefined,
    );
    expect(next.entities.items.map(e => e.entityRef)).toEqual([
      'component:default/d',
    ]);
    expect(next.entities.nextCursor).toBeUndefined();
  });

  it('previews without level changes a campaign that does not promote, and none once checks are enforced', async () => {
    const { service } = await serviceOn('2027-01-20');
    const byLevel = await service.details(
      BY_LEVEL.id,
      { status: 'all', limit: 10 },
      undefined,
    );
    expect(byLevel.enforcement).toEqual({
      checks: ['slos', 'alerting'],
      enforcedFrom: '2027-06-01',
      levelChanges: [],
    });
    expect(byLevel.projectedCompletion).toBeNull();
    expect(
      (
        await service.details(
          ENFORCED.id,
          { status: 'all', limit: 10 },
          undefined,
        )
      ).enforcement,
    ).toBeUndefined();

    const { service: afterDeadline } = await serviceOn('2027-04-01');
    const promoted = await afterDeadline.details(
      PROMOTING.id,
      { status: 'open', limit: 10 },
      undefined,
    );
    expect(promoted.enforcement).toBeUndefined();
    expect(promoted.campaign).toMatchObject({ phase: 'ended', daysLeft: -1 });
  });

  it('lists summaries with phases, and answers the campaigns in force of an entity', async () => {
    const { stores, service } = await serviceOn('2027-01-05');
    const list = await service.list(undefined);
    expect(list.items.map(s => [s.id, s.phase, s.targeted, s.share])).toEqual([
      ['owners', 'scheduled', 0, null],
      ['silver-for-all', 'scheduled', 0, null],
      ['slo-everywhere', 'scheduled', 0, null],
    ]);
    expect(list.problems).toEqual([]);

    const item = (id: string, dueAt: string): CampaignItem => ({
      campaign: id,
      title: id,
      startsAt: '2027-01-10',
      dueAt,
      met: false,
      openChecks: ['owner'],
    });
    await stores.resultWriter.replaceEntityResults(
      {
        ref: 'component:default/a',
        etag: null,
        attributes: attributes({ owner: 'group:default/team-a' }),
      },
      [
        stored({
          ...result(CAMPAIGN_SCORECARD, 50),
          entityRef: 'component:default/a',
          campaigns: [
            item('owners', '2027-03-31'),
            item('gone', '2027-01-31'),
            item('silver-for-all', '2027-02-28'),
          ],
        }),
      ],
    );
    const campaigns = await service.entityCampaigns(
      { kind: 'component', namespace: 'default', name: 'a' },
      {} as never,
    );
    expect(campaigns).toEqual({
      entityRef: 'component:default/a',
      items: [
        {
          ...item('silver-for-all', '2027-02-28'),
          scorecard: CAMPAIGN_SCORECARD,
        },
        { ...item('owners', '2027-03-31'), scorecard: CAMPAIGN_SCORECARD },
      ],
    });
    await expect(
      service.entityCampaigns(
        { kind: 'component', namespace: 'default', name: 'hidden' },
        {} as never,
      ),
    ).rejects.toThrow(NotFoundError);
  });
});
