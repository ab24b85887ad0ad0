import { TestDatabases } from '@backstage/backend-test-utils';
import { storesOn } from '../../__testUtils__/testStores';
import {
  attributes,
  result,
  SCORECARD,
  scoreAt,
  stored,
} from '../../__testUtils__/storeFixtures';

jest.setTimeout(60_000);

describe('DatabaseLeaderboardQueries', () => {
  const databases = TestDatabases.create();
  it.each(databases.eachSupportedId())(
    'ranks owners, systems and domains in the database, %p',
    async databaseId => {
      const stores = await storesOn(databases, databaseId);
      const scored = (
        name: string,
        score: number,
        level: string | null,
        owner: string | null,
        system: string | null,
      ) =>
        stores.resultWriter.replaceEntityResults(
          {
            ref: `component:default/${name}`,
            etag: null,
            attributes: attributes({
              owner,
              system,
              domain: system && 'domain:default/shop',
            }),
          },
          [stored({ ...result('production-readiness', score), level })],
        );
      await scored(
        'a',
        40,
        null,
        'group:default/team-a',
        'system:default/cart',
      );
      await scored('b', 80, 'silver', 'group:default/team-a', null);
      await scored(
        'c',
        100,
        'gold',
        'group:default/team-b',
        'system:default/cart',
      );

      const byOwner = await stores.leaderboard.getLeaderboard({
        scorecardId: 'production-readiness',
        groupBy: 'owner',
        filter: {},
      });
      expect(
        byOwner.sort((x, y) => String(x.group).localeCompare(String(y.group))),
      ).toEqual([
        {
          group: 'group:default/team-a',
          entities: 2,
          averageScore: 60,
          levelCounts: { none: 1, silver: 1 },
          waivedChecks: 0,
        },
        {
          group: 'group:default/team-b',
          entities: 1,
          averageScore: 100,
          levelCounts: { gold: 1 },
          waivedChecks: 0,
        },
      ]);
      const byDomain = await stores.leaderboard.getLeaderboard({
        scorecardId: 'production-readiness',
        groupBy: 'domain',
        filter: {},
      });
      expect(byDomain).toEqual(
        expect.arrayContaining([
          {
            group: 'domain:default/shop',
            entities: 2,
            averageScore: 70,
            levelCounts: { none: 1, gold: 1 },
            waivedChecks: 0,
          },
          {
            group: null,
            entities: 1,
            averageScore: 80,
            levelCounts: { silver: 1 },
            waivedChecks: 0,
          },
        ]),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'ranks groups as they stood at a past time, from the history, %p',
    async databaseId => {
      const stores = await storesOn(databases, databaseId);
      const team = { owner: 'group:default/team' };
      await scoreAt(
        stores.resultWriter,
        'a',
        '2026-10-01T00:00:00.000Z',
        20,
        null,
        team,
      );
      await scoreAt(
        stores.resultWriter,
        'b',
        '2026-10-01T00:00:00.000Z',
        40,
        'bronze',
        team,
      );
      await scoreAt(
        stores.resultWriter,
        'a',
        '2026-11-20T00:00:00.000Z',
        60,
        'silver',
        team,
      );
      // Not scored yet at the time asked about.
      await scoreAt(
        stores.resultWriter,
        'c',
        '2026-11-21T00:00:00.000Z',
        90,
        'gold',
        team,
      );

      const then = await stores.leaderboard.getLeaderboardAt(
        new Date('2026-11-01T00:00:00Z'),
        { scorecardId: SCORECARD, groupBy: 'owner', filter: {} },
      );
      expect(then).toEqual([
        {
          group: 'group:default/team',
          entities: 2,
          averageScore: 30,
          levelCounts: { none: 1, bronze: 1 },
          waivedChecks: 0,
        },
      ]);
      const visibleThen = await stores.leaderboard.getLeaderboardAt(
        new Date('2026-11-01T00:00:00Z'),
        {
          scorecardId: SCORECARD,
          groupBy: 'owner',
          filter: {},
          visible: new Set(['component:default/b']),
        },
      );
      expect(visibleThen).toEqual([
        expect.objectContaining({ entities: 1, averageScore: 40 }),
      ]);
      const now = await stores.leaderboard.getLeaderboard({
        scorecardId: SCORECARD,
        groupBy: 'owner',
        filter: {},
      });
      expect(now).toEqual([
        expect.objectContaining({ entities: 3, averageScore: 63.3 }),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'rolls owners up into the groups above them, now and in the past, %p',
    async databaseId => {
      const stores = await storesOn(databases, databaseId);
      const owned = (name: string, at: string, score: number, owner: string) =>
        scoreAt(
          stores.resultWriter,
          name,
          at,
          score,
          score >= 80 ? 'gold' : null,
          {
            owner,
          },
        );
      const then = '2026-10-01T00:00:00.000Z';
      const now = '2026-11-20T00:00:00.000Z';
      await owned('a', then, 40, 'group:default/web');
      await owned('a', now, 80, 'group:default/web');
      await owned('b', now, 60, 'group:default/api');
      await owned('c', then, 100, 'group:default/eng');
      await owned('d', now, 20, 'user:default/ada');
      const rollup = new Map([
        // "org" owns nothing itself.
        [
          'group:default/org',
          [
            'group:default/org',
            'group:default/eng',
            'group:default/web',
            'group:default/api',
          ],
        ],
        ['group:default/eng', ['group:default/eng', 'group:default/web']],
        ['group:default/web', ['group:default/web']],
        ['group:default/api', ['group:default/api']],
      ]);
      const scope = {
        scorecardId: SCORECARD,
        groupBy: 'owner' as const,
        filter: {},
        rollup,
      };
      const byGroup = (rows: Array<{ group: string | null }>) =>
        Object.fromEntries(rows.map(({ group, ...row }) => [group, row]));

      expect(byGroup(await stores.leaderboard.getLeaderboard(scope))).toEqual({
        'group:default/org': {
          entities: 3,
          averageScore: 80,
          levelCounts: { gold: 2, none: 1 },
          waivedChecks: 0,
        },
        'group:default/eng': expect.objectContaining({
          entities: 2,
          averageScore: 90,
        }),
        'group:default/web': expect.objectContaining({ entities: 1 }),
        'group:default/api': expect.objectContaining({ entities: 1 }),
        // Owners the roll-up does not know stand as they are.
        'user:default/ada': expect.objectContaining({ entities: 1 }),
      });
      const past = byGroup(
        await stores.leaderboard.getLeaderboardAt(
          new Date('2026-11-01T00:00:00Z'),
          { ...scope, visible: new Set(['component:default/a']) },
        ),
      );
      expect(past).toEqual({
        'group:default/org': expect.objectContaining({
          entities: 1,
          averageScore: 40,
        }),
        'group:default/eng': expect.objectContaining({ averageScore: 40 }),
        'group:default/web': expect.objectContaining({ averageScore: 40 }),
      });
    },
  );
});
