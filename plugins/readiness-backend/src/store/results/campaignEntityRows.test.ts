import { TestDatabases } from '@backstage/backend-test-utils';
import {
  CampaignItem,
  CheckStatus,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';
import { Knex } from 'knex';
import { createTestStores } from '../../__testUtils__/testStores';
import {
  attributes,
  result,
  SCORECARD,
  stored,
} from '../../__testUtils__/storeFixtures';
import { CAMPAIGN_ENTITIES_TABLE, CampaignEntityRow } from '../tables';

jest.setTimeout(120_000);

/** Where an entity stands in campaign `id`: met, or `x` still open. */
function item(id: string, met: boolean): CampaignItem {
  return {
    campaign: id,
    title: `Campaign ${id}`,
    startsAt: '2027-01-01',
    dueAt: '2027-03-31',
    met,
    openChecks: met ? [] : ['x'],
  };
}

/** A result on `scorecard` evaluated at `time`, with these campaign items. */
function withCampaigns(
  time: string,
  items: CampaignItem[],
  scorecard = SCORECARD,
  status: CheckStatus = 'fail',
): { result: ScorecardResult; scorecardVersion: string } {
  return stored({
    ...result(scorecard, 50, { x: status }),
    level: 'bronze',
    evaluatedAt: time,
    campaigns: items,
  });
}

/** The stored rows, with booleans and times as numbers on every database. */
async function campaignRows(knex: Knex, entityRef?: string) {
  const rows: CampaignEntityRow[] = await knex(CAMPAIGN_ENTITIES_TABLE)
    .modify(query => {
      if (entityRef) {
        query.where('entity_ref', entityRef);
      }
    })
    .orderBy(['entity_ref', 'campaign_id']);
  const time = (value: number | string | null) =>
    value === null ? null : new Date(Number(value)).toISOString();
  return rows.map(row => ({
    ...row,
    met: Boolean(row.met),
    open_checks: JSON.parse(row.open_checks),
    met_at: time(row.met_at),
    regressed_at: time(row.regressed_at),
    updated_at: time(row.updated_at),
  }));
}

const T1 = '2027-01-05T10:00:00.000Z';
const T2 = '2027-01-06T10:00:00.000Z';
const T3 = '2027-01-07T10:00:00.000Z';
const T4 = '2027-01-08T10:00:00.000Z';
const T5 = '2027-01-09T10:00:00.000Z';

describe('campaign rows of written results', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'keep where each targeted entity stands, when it first met the goal and when it lost it, %p',
    async databaseId => {
      const { knex, stores } = await createTestStores(databases, databaseId);
      const entity = {
        ref: 'component:default/checkout',
        etag: 'e1',
        attributes: attributes({
          owner: 'group:default/team-a',
          system: 'system:default/shop',
          domain: 'domain:default/retail',
        }),
      };
      const write = (time: string, items: CampaignItem[]) =>
        stores.resultWriter.replaceEntityResults(entity, [
          withCampaigns(time, items),
        ]);
      const row = async (campaign: string) =>
        (await campaignRows(knex)).find(r => r.campaign_id === campaign);

      const promoting = { ...item('a', false), levelIfEnforced: null };
      await write(T1, [promoting, item('b', true)]);
      expect(await campaignRows(knex)).toEqual([
        {
          campaign_id: 'a',
          entity_ref: entity.ref,
          scorecard_id: SCORECARD,
          owner_ref: 'group:default/team-a',
          system_ref: 'system:default/shop',
          domain_ref: 'domain:default/retail',
          level: 'bronze',
          level_if_enforced: null,
          met: false,
          open_checks: ['x'],
          met_at: null,
          regressed_at: null,
          updated_at: T1,
        },
        expect.objectContaining({
          campaign_id: 'b',
          met: true,
          open_checks: [],
          met_at: T1,
          regressed_at: null,
        }),
      ]);

      // The same result a day later is not written again, nor its rows.
      await write(T2, [promoting, item('b', true)]);
      expect((await row('a'))?.updated_at).toBe(T1);

      await write(T3, [item('a', true), item('b', true)]);
      expect(await row('a')).toMatchObject({
        met: true,
        open_checks: [],
        met_at: T3,
        regressed_at: null,
        updated_at: T3,
      });

      await write(T4, [item('a', false), item('b', true)]);
      expect(await row('a')).toMatchObject({
        met: false,
        met_at: T3,
        regressed_at: T4,
      });

      // Met again: the first time and the last regression are kept; a
      // campaign that no longer targets the entity loses its row.
      await write(T5, [item('a', true)]);
      expect(await campaignRows(knex)).toEqual([
        expect.objectContaining({
          campaign_id: 'a',
          met: true,
          met_at: T3,
          regressed_at: T4,
          updated_at: T5,
        }),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'go with the results of their entity: scorecard gone, entity unscored, results retention, %p',
    async databaseId => {
      const { knex, stores } = await createTestStores(databases, databaseId);
      const entity = (name: string) => ({
        ref: `component:default/${name}`,
        etag: 'e1',
      });
      const campaignsOf = async (name: string) =>
        (await campaignRows(knex, entity(name).ref)).map(r => r.campaign_id);
      await stores.resultWriter.replaceResultsOfEntities([
        {
          entity: entity('a'),
          results: [
            withCampaigns(T1, [item('a1', false)]),
            withCampaigns(T1, [item('a2', true)], 'api-quality'),
          ],
        },
        {
          entity: entity('b'),
          results: [withCampaigns(T1, [item('a1', true)])],
        },
      ]);
      expect(await campaignsOf('a')).toEqual(['a1', 'a2']);

      // api-quality no longer applies; an unchanged result keeps its rows.
      await stores.resultWriter.replaceEntityResults(entity('a'), [
        withCampaigns(T2, [item('a1', false)]),
      ]);
      expect(await campaignsOf('a')).toEqual(['a1']);

      await stores.resultWriter.replaceEntityResults(entity('a'), []);
      expect(await campaignsOf('a')).toEqual([]);
      expect(await campaignsOf('b')).toEqual(['a1']);

      await stores.retention.deleteResultsEvaluatedBefore(new Date(T2));
      expect(await campaignRows(knex)).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'are written for a batch of entities with a few statements per few hundred entities, %p',
    async databaseId => {
      const { knex, stores } = await createTestStores(databases, databaseId);
      const names = Array.from(
        { length: 1200 },
        (_, i) => `e${String(i).padStart(4, '0')}`,
      );
      const batch = (time: string, met: (index: number) => boolean) =>
        names.map((name, index) => ({
          entity: { ref: `component:default/${name}`, etag: 'e1' },
          results: [
            withCampaigns(
              time,
              [item('a', met(index))],
              SCORECARD,
              met(index) ? 'pass' : 'fail',
            ),
          ],
        }));
      const statements: string[] = [];
      knex.on('query', ({ sql }: { sql: string }) => {
        if (sql.includes(CAMPAIGN_ENTITIES_TABLE)) {
          statements.push(sql);
        }
      });

      await stores.resultWriter.replaceResultsOfEntities(
        batch(T1, () => false),
      );
      await stores.resultWriter.replaceResultsOfEntities(
        batch(T2, index => index % 2 === 0),
      );

      // The first write of 1,200 entities: 3 reads and 3 upserts; the
      // second rewrites the 600 results that changed: 2 and 2.
      expect(statements).toHaveLength(10);
      const rows = await campaignRows(knex);
      expect(rows).toHaveLength(1200);
      expect(rows.filter(r => r.met && r.met_at === T2)).toHaveLength(600);
      expect(rows.filter(r => !r.met && r.met_at === null)).toHaveLength(600);
    },
  );

  it.each(databases.eachSupportedId())(
    'make a check enforced by a campaign a change of cause campaign in the history, %p',
    async databaseId => {
      const { stores } = await createTestStores(databases, databaseId);
      const entity = { ref: 'component:default/checkout', etag: 'e1' };
      const evaluated = (time: string, level: string, advisory: boolean) => {
        const written = withCampaigns(time, [item('slo', false)]);
        written.result.level = level;
        if (advisory) {
          written.result.checks[0].advisory = {
            enforcedFrom: '2027-04-01',
            campaign: 'slo',
          };
        }
        return written;
      };
      await stores.resultWriter.replaceEntityResults(entity, [
        evaluated('2027-03-31T10:00:00.000Z', 'gold', true),
      ]);
      await stores.resultWriter.replaceEntityResults(entity, [
        evaluated('2027-04-01T10:00:00.000Z', 'bronze', false),
      ]);

      const [latest] = await stores.history.getEntityHistory(entity.ref, {
        limit: 1,
      });
      expect(latest).toMatchObject({
        cause: 'campaign',
        note: 'x: enforced from 2027-04-01 by campaign slo',
        levelBefore: 'gold',
        levelAfter: 'bronze',
        checks: [],
      });
    },
  );
});
