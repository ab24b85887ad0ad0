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

describe('DatabaseResultListQueries', () => {
  const databases = TestDatabases.create();
  it.each(databases.eachSupportedId())(
    'lists results by filter, lowest score first, paged, %p',
    async databaseId => {
      const stores = await storesOn(databases, databaseId);
      const scored = (name: string, score: number, level: string | null) =>
        stores.resultWriter.replaceEntityResults(
          {
            ref: `component:default/${name}`,
            etag: null,
            attributes: attributes({
              owner: name === 'd' ? 'group:default/b' : 'group:default/a',
              system: name === 'c' ? 'system:default/shop' : null,
            }),
          },
          [stored({ ...result('production-readiness', score), level })],
        );
      await scored('a', 40, null);
      await scored('b', 80, 'silver');
      await scored('c', 80, 'silver');
      await scored('d', 10, null);
      const page: Parameters<typeof stores.resultList.listResults>[1] = {
        limit: 10,
      };
      const refs = async (filter: object, p = page) =>
        (
          await stores.resultList.listResults(
            { scorecardId: 'production-readiness', ...filter },
            p,
          )
        ).map(r => r.entityRef.replace('component:default/', ''));

      await expect(refs({})).resolves.toEqual(['d', 'a', 'b', 'c']);
      await expect(refs({ level: 'none' })).resolves.toEqual(['d', 'a']);
      await expect(refs({ level: 'silver' })).resolves.toEqual(['b', 'c']);
      // Below bronze, then below gold: no level, or one of those under it.
      await expect(refs({ levelIsNoneOr: [] })).resolves.toEqual(['d', 'a']);
      await expect(
        refs({ levelIsNoneOr: ['bronze', 'silver'], owner: 'group:default/a' }),
      ).resolves.toEqual(['a', 'b', 'c']);
      await expect(refs({ owner: 'group:default/a' })).resolves.toEqual([
        'a',
        'b',
        'c',
      ]);
      // Entities in no system, as a leaderboard's "No system" row has them.
      await expect(refs({ system: 'none' })).resolves.toEqual(['d', 'a', 'b']);
      await expect(refs({ system: 'system:default/shop' })).resolves.toEqual([
        'c',
      ]);
      await expect(
        refs(
          {},
          { limit: 2, after: { score: 10, entityRef: 'component:default/d' } },
        ),
      ).resolves.toEqual(['a', 'b']);
      const [first] = await stores.resultList.listResults(
        { scorecardId: 'production-readiness' },
        page,
      );
      expect(first).toEqual({
        entityRef: 'component:default/d',
        score: 10,
        level: null,
        evaluatedAt: '2026-11-25T10:00:00.000Z',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'pages by keyset through ties on scores a float column cannot hold exactly, %p',
    async databaseId => {
      const stores = await storesOn(databases, databaseId);
      // 61.6 and 33.3 have no exact single-precision value.
      const scores: Record<string, number> = {
        e: 61.6,
        b: 61.6,
        g: 100,
        a: 61.6,
        f: 33.3,
        c: 0,
        d: 61.6,
        h: 61.7,
      };
      for (const [name, score] of Object.entries(scores)) {
        await stores.resultWriter.replaceEntityResults(
          {
            ref: `component:default/${name}`,
            etag: null,
            attributes: attributes({ owner: 'group:default/a' }),
          },
          [stored(result(SCORECARD, score))],
        );
      }

      const walk = async (limit: number, filter: object = {}) => {
        const names: string[] = [];
        let after: { score: number; entityRef: string } | undefined;
        for (;;) {
          const rows = await stores.resultList.listResults(
            { scorecardId: SCORECARD, ...filter },
            { limit, after },
          );
          names.push(...rows.map(r => r.entityRef.split('/')[1]));
          if (rows.length < limit) {
            return names;
          }
          const last = rows[rows.length - 1];
          after = { score: last.score, entityRef: last.entityRef };
        }
      };

      const expected = ['c', 'f', 'a', 'b', 'd', 'e', 'h', 'g'];
      await expect(walk(1)).resolves.toEqual(expected);
      await expect(walk(2)).resolves.toEqual(expected);
      await expect(walk(3, { owner: 'group:default/a' })).resolves.toEqual(
        expected,
      );
      // After the last of a tie, the next score; after the end, nothing.
      await expect(
        stores.resultList.listResults(
          { scorecardId: SCORECARD },
          {
            limit: 1,
            after: { score: 61.6, entityRef: 'component:default/e' },
          },
        ),
      ).resolves.toMatchObject([
        { entityRef: 'component:default/h', score: 61.7 },
      ]);
      await expect(
        stores.resultList.listResults(
          { scorecardId: SCORECARD },
          { limit: 1, after: { score: 100, entityRef: 'component:default/g' } },
        ),
      ).resolves.toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'filters by kind, type, lifecycle and tag, tags matched whole, %p',
    async databaseId => {
      const stores = await storesOn(databases, databaseId);
      const at = '2026-11-25T10:00:00.000Z';
      await scoreAt(stores.resultWriter, 'a', at, 10, null, {
        owner: 'group:default/x',
        type: 'service',
        lifecycle: 'production',
        tags: ['java', 'pci_dss'],
      });
      await scoreAt(stores.resultWriter, 'b', at, 30, null, {
        owner: 'group:default/x',
        type: 'website',
        lifecycle: 'experimental',
        tags: ['javascript', 'pci-dss'],
      });
      await scoreAt(stores.resultWriter, 'c', at, 50, 'gold', {
        owner: 'group:default/y',
        kind: 'api',
        type: 'openapi',
      });
      const refs = async (filter: object) =>
        (
          await stores.resultList.listResults(
            { scorecardId: SCORECARD, ...filter },
            { limit: 10 },
          )
        ).map(r => r.entityRef.replace('component:default/', ''));

      await expect(refs({ kind: 'Component' })).resolves.toEqual(['a', 'b']);
      await expect(refs({ type: 'website' })).resolves.toEqual(['b']);
      await expect(refs({ lifecycle: 'production' })).resolves.toEqual(['a']);
      await expect(refs({ tag: 'java' })).resolves.toEqual(['a']);
      // LIKE wildcards in a tag are taken literally.
      await expect(refs({ tag: 'pci_dss' })).resolves.toEqual(['a']);
      await expect(refs({ tag: 'pci%' })).resolves.toEqual([]);

      const board = await stores.leaderboard.getLeaderboard({
        scorecardId: SCORECARD,
        groupBy: 'owner',
        filter: { kind: 'component', tag: 'javascript' },
      });
      expect(board).toEqual([
        {
          group: 'group:default/x',
          entities: 1,
          averageScore: 30,
          levelCounts: { none: 1 },
          waivedChecks: 0,
        },
      ]);
    },
  );
});
