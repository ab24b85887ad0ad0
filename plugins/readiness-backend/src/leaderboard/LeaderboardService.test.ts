import { TestDatabases } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import { ScorecardRegistry } from '../scorecards/ScorecardRegistry';
import { attributes, result, stored } from '../__testUtils__/storeFixtures';
import { createTestStores } from '../__testUtils__/testStores';
import { LeaderboardOptions, LeaderboardService } from './LeaderboardService';

jest.setTimeout(60_000);

const SCORECARD = 'production-readiness';
const SCORES = [0, 25, 50, 62.5, 75, 100];

describe('LeaderboardService', () => {
  const databases = TestDatabases.create();

  /** 40 entities of 12 teams and of none, scored twice, 50 days apart. */
  async function createService(
    databaseId: Parameters<typeof databases.init>[0],
  ) {
    const { stores } = await createTestStores(databases, databaseId);
    const refs = new Set<string>();
    for (const [time, shift] of [
      ['2026-10-01T00:00:00.000Z', 0],
      ['2026-11-20T00:00:00.000Z', 1],
    ] as const) {
      await stores.resultWriter.replaceResultsOfEntities(
        Array.from({ length: 40 }, (_, i) => {
          const team = i % 13;
          const score = SCORES[(i + shift * (i % 3)) % SCORES.length];
          const ref = `component:default/service-${i}`;
          refs.add(ref);
          return {
            entity: {
              ref,
              etag: null,
              attributes: attributes({
                owner: team === 12 ? null : `group:default/team-${team}`,
              }),
            },
            results: [
              stored({
                ...result(SCORECARD, score, {
                  owner: score >= 50 ? 'pass' : 'fail',
                }),
                level: score >= 75 ? 'gold' : null,
                evaluatedAt: time,
              }),
            ],
          };
        }),
      );
    }
    const registry = {
      find: () => ({}),
    } as unknown as ScorecardRegistry;
    const service = new LeaderboardService(
      registry,
      stores.leaderboard,
      () => new Date('2026-11-25T00:00:00Z'),
    );
    return { service, refs };
  }

  const options = (
    given: Partial<LeaderboardOptions> = {},
  ): LeaderboardOptions => ({
    groupBy: 'owner',
    orderBy: 'averageScore',
    order: 'desc',
    periodDays: 30,
    limit: 5,
    offset: 0,
    ...given,
  });

  it.each(databases.eachSupportedId())(
    'ranks and pages groups in the database as it does over visible entities, %p',
    async databaseId => {
      const { service, refs } = await createService(databaseId);
      for (const orderBy of ['averageScore', 'entities', 'group'] as const) {
        for (const order of ['asc', 'desc'] as const) {
          for (const offset of [0, 5, 10, 15]) {
            const query = options({ orderBy, order, offset });
            const inDatabase = await service.leaderboard(SCORECARD, query);
            const overVisible = await service.leaderboard(
              SCORECARD,
              query,
              refs,
            );
            expect({ query, ...inDatabase }).toEqual({
              query,
              ...overVisible,
            });
          }
        }
      }

      const best = await service.leaderboard(SCORECARD, options());
      expect(best.total).toBe(13);
      expect(best.items.map(row => row.averageScore)).toEqual(
        [...best.items.map(row => row.averageScore)].sort((a, b) => b! - a!),
      );
      expect(best.items[0].trend.averageScore).not.toBeNull();
      // Entities that declare no owner rank first by group.
      const byGroup = await service.leaderboard(
        SCORECARD,
        options({ orderBy: 'group', order: 'asc' }),
      );
      expect(byGroup.items.map(row => row.group)).toEqual([
        null,
        'group:default/team-0',
        'group:default/team-1',
        'group:default/team-10',
        'group:default/team-11',
      ]);
      await expect(
        service.leaderboard(SCORECARD, options({ offset: 20 })),
      ).resolves.toEqual({ items: [], total: 13 });
    },
  );

  it('rejects a scorecard not in force', async () => {
    const registry = {
      find: () => {
        throw new NotFoundError('No scorecard "nope"');
      },
    };
    const service = new LeaderboardService(registry, {
      getLeaderboard: jest.fn(),
      getLeaderboardAt: jest.fn(),
      rankGroups: jest.fn(),
    });
    await expect(service.leaderboard('nope', options())).rejects.toThrow(
      NotFoundError,
    );
  });
});
