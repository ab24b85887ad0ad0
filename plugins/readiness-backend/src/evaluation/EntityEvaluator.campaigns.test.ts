import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { campaign } from '../__testUtils__/campaignFixtures';
import { ownerScorecard } from '../__testUtils__/ownerScorecard';
import { testEvaluator } from '../__testUtils__/testEvaluator';
import { createTestStores } from '../__testUtils__/testStores';
import { CAMPAIGN_ENTITIES_TABLE } from '../store/tables';

const services = ownerScorecard('services');

const owners = campaign({
  id: 'owners',
  title: 'Every component owned',
  scorecard: 'services',
  goal: { checks: ['owner'] },
  startsAt: '2027-01-01',
});

const component = (name: string, spec: object = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', etag: 'e1' },
  spec,
});

describe('EntityEvaluator with campaigns', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('evaluates the campaigns of each scorecard and stores where the entity stands', async () => {
    const { knex, stores } = await createTestStores(databases);
    const evaluator = testEvaluator({
      stores,
      scorecards: [services],
      campaigns: [owners],
      now: () => new Date('2027-02-01T10:00:00Z'),
    });

    const readiness = await evaluator.evaluate(component('orphan'));
    await evaluator.evaluate(component('owned', { owner: 'team-a' }));

    expect(readiness.scorecards[0].campaigns).toEqual([
      expect.objectContaining({
        campaign: 'owners',
        met: false,
        openChecks: ['owner'],
      }),
    ]);
    const rows = await knex(CAMPAIGN_ENTITIES_TABLE)
      .orderBy('entity_ref')
      .select('entity_ref', 'met');
    expect(rows.map(r => [r.entity_ref, Boolean(r.met)])).toEqual([
      ['component:default/orphan', false],
      ['component:default/owned', true],
    ]);
  });
});
