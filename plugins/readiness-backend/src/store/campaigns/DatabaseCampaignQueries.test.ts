import { TestDatabases } from '@backstage/backend-test-utils';
import { NO_GROUP } from '@readiness/plugin-readiness-common';
import {
  CAMPAIGN_KEY,
  CAMPAIGN_SCORECARD,
  componentRef,
  seedCampaignEntities,
  TEAM_A,
  TEAM_B,
} from '../../__testUtils__/campaignFixtures';
import { createTestStores } from '../../__testUtils__/testStores';
import { CampaignQueries } from './CampaignQueries';

jest.setTimeout(60_000);

describe('DatabaseCampaignQueries', () => {
  const databases = TestDatabases.create();

  /** a, b met; c regressed; d, e open; rows of other campaigns aside. */
  async function seeded(databaseId: Parameters<typeof createTestStores>[1]) {
    const { knex, stores } = await createTestStores(databases, databaseId);
    await seedCampaignEntities(knex, [
      { name: 'a', met: true, system: 'system:default/cart', level: 'gold' },
      { name: 'b', met: true, owner: TEAM_B, level: 'silver' },
      {
        name: 'c',
        met: false,
        owner: TEAM_B,
        regressedAt: Date.UTC(2027, 0, 20),
        openChecks: ['slos', 'alerting'],
        level: 'silver',
        levelIfEnforced: 'bronze',
      },
      {
        name: 'd',
        met: false,
        owner: null,
        openChecks: ['slos'],
        level: null,
        levelIfEnforced: null,
      },
      {
        name: 'e',
        met: false,
        system: 'system:default/cart',
        level: 'gold',
        levelIfEnforced: null,
      },
      // Another campaign, and rows left by this one under another scorecard.
      { name: 'a', met: false, campaignId: 'other' },
      { name: 'f', met: true, scorecardId: 'security' },
    ]);
    return stores.campaigns;
  }

  async function allPages(
    queries: CampaignQueries,
    status: 'open' | 'met' | 'regressed' | 'all',
    limit: number,
    visible?: ReadonlySet<string>,
  ): Promise<{ refs: string[]; totals: number[] }> {
    const refs: string[] = [];
    const totals: number[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await queries.listEntities(
        CAMPAIGN_KEY,
        { status },
        { limit, after },
        visible,
      );
      refs.push(...page.items.map(i => i.entityRef));
      totals.push(page.total);
      if (!page.hasMore) {
        return { refs, totals };
      }
      after = page.items[page.items.length - 1].entityRef;
    }
  }

  it.each(databases.eachSupportedId())(
    'counts many campaigns in one query, each on its scorecard only, %p',
    async databaseId => {
      const queries = await seeded(databaseId);
      const counts = await queries.progressOf(
        [
          CAMPAIGN_KEY,
          { campaignId: 'other', scorecardId: CAMPAIGN_SCORECARD },
        ],
        undefined,
      );
      expect(counts.get('slo-everywhere')).toEqual({
        targeted: 5,
        met: 2,
        regressed: 1,
      });
      expect(counts.get('other')).toEqual({
        targeted: 1,
        met: 0,
        regressed: 0,
      });
      // Seen by a caller who may read a and c only.
      const visible = new Set([componentRef('a'), componentRef('c')]);
      expect(
        (await queries.progressOf([CAMPAIGN_KEY], visible)).get(
          'slo-everywhere',
        ),
      ).toEqual({ targeted: 2, met: 1, regressed: 1 });
      expect(await queries.progressOf([], undefined)).toEqual(new Map());
    },
  );

  it.each(databases.eachSupportedId())(
    'breaks progress down per owner, system and domain, least advanced first, cut to the limit, %p',
    async databaseId => {
      const queries = await seeded(databaseId);
      const all = await queries.breakdown(CAMPAIGN_KEY, 500, undefined);
      expect(all.counts).toEqual({ targeted: 5, met: 2, regressed: 1 });
      expect(all.byOwner).toEqual([
        { group: null, targeted: 1, met: 0, share: 0 },
        { group: TEAM_A, targeted: 2, met: 1, share: 0.5 },
        { group: TEAM_B, targeted: 2, met: 1, share: 0.5 },
      ]);
      expect(all.bySystem).toEqual([
        { group: null, targeted: 3, met: 1, share: 1 / 3 },
        { group: 'system:default/cart', targeted: 2, met: 1, share: 0.5 },
      ]);
      expect(all.byDomain).toEqual([
        { group: null, targeted: 5, met: 2, share: 0.4 },
      ]);
      expect(
        (await queries.breakdown(CAMPAIGN_KEY, 1, undefined)).bySystem,
      ).toEqual([{ group: null, targeted: 3, met: 1, share: 1 / 3 }]);
      // Over the entities a caller sees, in several chunks.
      const visible = new Set([
        componentRef('b'),
        componentRef('c'),
        ...Array.from({ length: 2500 }, (_, i) => componentRef(`hidden-${i}`)),
      ]);
      const seen = await queries.breakdown(CAMPAIGN_KEY, 500, visible);
      expect(seen.counts).toEqual({ targeted: 2, met: 1, regressed: 1 });
      expect(seen.byOwner).toEqual([
        { group: TEAM_B, targeted: 2, met: 1, share: 0.5 },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'pages entities by status and owner with a keyset and a total, %p',
    async databaseId => {
      const queries = await seeded(databaseId);
      expect(await allPages(queries, 'open', 2)).toEqual({
        refs: [componentRef('c'), componentRef('d'), componentRef('e')],
        totals: [3, 3],
      });
      expect((await allPages(queries, 'met', 10)).refs).toEqual([
        componentRef('a'),
        componentRef('b'),
      ]);
      expect((await allPages(queries, 'regressed', 10)).refs).toEqual([
        componentRef('c'),
      ]);
      expect((await allPages(queries, 'all', 1)).refs).toEqual(
        ['a', 'b', 'c', 'd', 'e'].map(componentRef),
      );
      const byOwner = await queries.listEntities(
        CAMPAIGN_KEY,
        { status: 'all', owner: NO_GROUP },
        { limit: 10 },
        undefined,
      );
      expect(byOwner.items.map(i => i.entityRef)).toEqual([componentRef('d')]);
      const teamB = await queries.listEntities(
        CAMPAIGN_KEY,
        { status: 'open', owner: TEAM_B },
        { limit: 10 },
        undefined,
      );
      expect(teamB).toEqual({
        items: [
          {
            entityRef: componentRef('c'),
            owner: TEAM_B,
            system: null,
            domain: null,
            level: 'silver',
            met: false,
            openChecks: ['slos', 'alerting'],
            regressedAt: '2027-01-20T00:00:00.000Z',
          },
        ],
        total: 1,
        hasMore: false,
      });
      const met = await queries.listEntities(
        CAMPAIGN_KEY,
        { status: 'met' },
        { limit: 1 },
        undefined,
      );
      expect(met.items[0]).toMatchObject({
        met: true,
        openChecks: [],
        metAt: '2027-01-12T00:00:00.000Z',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'leaves hidden entities out of pages and totals, few or many visible, %p',
    async databaseId => {
      const queries = await seeded(databaseId);
      const few = new Set([
        componentRef('a'),
        componentRef('d'),
        componentRef('e'),
      ]);
      expect(await allPages(queries, 'all', 2, few)).toEqual({
        refs: [componentRef('a'), componentRef('d'), componentRef('e')],
        totals: [3, 3],
      });
      // More visible refs than one query names: read in order and skipped.
      const many = new Set([
        componentRef('b'),
        componentRef('e'),
        ...Array.from({ length: 1500 }, (_, i) => componentRef(`hidden-${i}`)),
      ]);
      expect(await allPages(queries, 'all', 1, many)).toEqual({
        refs: [componentRef('b'), componentRef('e')],
        totals: [2, 2],
      });
      expect(await allPages(queries, 'all', 5, new Set())).toEqual({
        refs: [],
        totals: [0],
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'counts the level changes enforcement would bring, %p',
    async databaseId => {
      const queries = await seeded(databaseId);
      // a and b have no level if enforced: as for a campaign that does
      // not promote, the query counts them as losing their level.
      expect(await queries.levelChanges(CAMPAIGN_KEY, undefined)).toEqual([
        { from: 'gold', to: null, entities: 2 },
        { from: 'silver', to: 'bronze', entities: 1 },
        { from: 'silver', to: null, entities: 1 },
      ]);
      expect(
        await queries.levelChanges(
          CAMPAIGN_KEY,
          new Set([componentRef('c'), componentRef('d')]),
        ),
      ).toEqual([{ from: 'silver', to: 'bronze', entities: 1 }]);
    },
  );
});
