import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ScorecardResult } from '@readiness/plugin-readiness-common';
import { DatabaseReadinessStore } from './DatabaseReadinessStore';
import { toStoredResult } from './storedResult';
import { attributes, result, stored } from '../__testUtils__/storeFixtures';

jest.setTimeout(60_000);

const SCORECARD = 'production-readiness';

describe('DatabaseReadinessStore', () => {
  const databases = TestDatabases.create();

  async function createStoreWithKnex(
    databaseId: Parameters<typeof databases.init>[0],
  ) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseReadinessStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    return { knex, store };
  }

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    return (await createStoreWithKnex(databaseId)).store;
  }

  it.each(databases.eachSupportedId())(
    'stores, replaces and reads back results, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const entity = { ref: 'component:default/checkout', etag: 'e1' };

      await expect(store.getEntityResults(entity.ref)).resolves.toEqual({
        entityEtag: null,
        results: new Map(),
        scorecardVersions: new Map(),
      });

      await store.replaceEntityResults(entity, [
        stored(result('production-readiness', 50)),
        stored(result('api-quality', 75.5)),
      ]);
      const first = await store.getEntityResults(entity.ref);
      expect(first.entityEtag).toBe('e1');
      expect([...first.results.keys()].sort()).toEqual([
        'api-quality',
        'production-readiness',
      ]);
      // Stored without what the definition says; read back by id.
      expect(first.results.get('api-quality')).toEqual(
        toStoredResult(result('api-quality', 75.5)),
      );

      await store.replaceEntityResults({ ...entity, etag: 'e2' }, [
        stored(result('production-readiness', 90)),
      ]);
      const second = await store.getEntityResults(entity.ref);
      expect(second.entityEtag).toBe('e2');
      expect([...second.results.values()].map(r => r.score)).toEqual([90]);

      await expect(
        store.getEntityResults('component:default/other'),
      ).resolves.toEqual({
        entityEtag: null,
        results: new Map(),
        scorecardVersions: new Map(),
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'stores a batch of entities in one go, with their history and check rows, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const entity = (name: string, etag: string) => ({
        ref: `component:default/${name}`,
        etag,
      });
      await store.replaceResultsOfEntities([
        {
          entity: entity('a', 'a1'),
          results: [stored(result('production-readiness', 50, { x: 'fail' }))],
        },
        {
          entity: entity('b', 'b1'),
          results: [stored(result('production-readiness', 100, { x: 'pass' }))],
        },
      ]);
      await store.replaceResultsOfEntities([
        {
          entity: entity('a', 'a2'),
          results: [stored(result('production-readiness', 100, { x: 'pass' }))],
        },
        {
          entity: entity('b', 'b1'),
          results: [stored(result('production-readiness', 100, { x: 'pass' }))],
        },
        { entity: entity('c', 'c1'), results: [] },
      ]);

      const a = await store.getEntityHistory('component:default/a', {
        limit: 10,
      });
      expect(a.map(c => c.cause)).toEqual(['entity', 'first-evaluation']);
      const b = await store.getEntityHistory('component:default/b', {
        limit: 10,
      });
      expect(b.map(c => c.cause)).toEqual(['first-evaluation']);
      const counts = await store.getCheckStatusCounts('production-readiness');
      expect(counts.get('x')).toMatchObject({ pass: 2, fail: 0 });
      await expect(store.replaceResultsOfEntities([])).resolves.toEqual({
        skipped: 0,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'rewrites a result row only when the result changed, and always records the evaluation time, %p',
    async databaseId => {
      const { knex, store } = await createStoreWithKnex(databaseId);
      const entity = { ref: 'component:default/checkout', etag: 'e1' };
      const evaluatedAt = (time: string, score = 50) => {
        const evaluation = result('production-readiness', score, {
          owner: 'pass',
        });
        evaluation.checks[0].evidence = [
          {
            fact: 'catalog.owner',
            value: 'group:default/team-a',
            source: 'catalog',
            observedAt: time,
          },
        ];
        return stored({ ...evaluation, evaluatedAt: time });
      };
      const resultWrites: string[] = [];
      knex.on('query', ({ sql }: { sql: string }) => {
        if (
          /^(insert|update|delete)\b.*readiness_scorecard_results/i.test(sql)
        ) {
          resultWrites.push(sql);
        }
      });

      await store.replaceEntityResults(entity, [
        evaluatedAt('2026-11-25T10:00:00.000Z'),
      ]);
      expect(resultWrites).toHaveLength(1);

      // The same outcome an hour later: only the evaluation time moves.
      await store.replaceEntityResults(entity, [
        evaluatedAt('2026-11-25T11:00:00.000Z'),
      ]);
      expect(resultWrites).toHaveLength(1);
      const again = (await store.getEntityResults(entity.ref)).results.get(
        'production-readiness',
      );
      expect(again?.evaluatedAt).toBe('2026-11-25T11:00:00.000Z');
      expect(again?.checks[0].evidence[0].observedAt).toBe(
        '2026-11-25T11:00:00.000Z',
      );

      // A new score, a new owner or a new scorecard version is written.
      await store.replaceEntityResults(entity, [
        evaluatedAt('2026-11-25T12:00:00.000Z', 60),
      ]);
      await store.replaceEntityResults(
        { ...entity, attributes: attributes({ owner: 'group:default/b' }) },
        [evaluatedAt('2026-11-25T13:00:00.000Z', 60)],
      );
      expect(resultWrites).toHaveLength(3);
      await expect(
        store.listResults(
          { scorecardId: 'production-readiness', owner: 'group:default/b' },
          { limit: 10 },
        ),
      ).resolves.toEqual([
        {
          entityRef: entity.ref,
          score: 60,
          level: null,
          evaluatedAt: '2026-11-25T13:00:00.000Z',
        },
      ]);

      // No scorecard applies any more: the entity is no longer scored.
      await store.replaceEntityResults(entity, []);
      await expect(store.getEntityEtags([entity.ref])).resolves.toEqual(
        new Map(),
      );
      expect((await store.getEntityResults(entity.ref)).results.size).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes the rows of checks whose status changed only, %p',
    async databaseId => {
      const { knex, store } = await createStoreWithKnex(databaseId);
      const entity = { ref: 'component:default/checkout', etag: 'e1' };
      const rowIds = async () =>
        Object.fromEntries(
          (await knex('readiness_check_results').select('check_id', 'id')).map(
            row => [row.check_id, Number(row.id)],
          ),
        );
      const checkRowsWritten: unknown[][] = [];
      knex.on('query', ({ sql, bindings }) => {
        if (/^insert into .readiness_check_results/i.test(sql)) {
          checkRowsWritten.push(bindings);
        }
      });
      await store.replaceEntityResults(entity, [
        stored(result(SCORECARD, 50, { a: 'pass', b: 'fail', c: 'pass' })),
      ]);
      const before = await rowIds();

      // b passes now, c is no longer defined, d is new.
      checkRowsWritten.length = 0;
      await store.replaceEntityResults(entity, [
        stored(result(SCORECARD, 50, { a: 'pass', b: 'pass', d: 'fail' })),
      ]);
      expect(checkRowsWritten.flat()).not.toContain('a');
      expect(checkRowsWritten.flat()).toEqual(
        expect.arrayContaining(['b', 'd']),
      );
      const after = await rowIds();
      expect(Object.keys(after).sort()).toEqual(['a', 'b', 'd']);
      expect(after.a).toBe(before.a);
      const counts = await store.getCheckStatusCounts(SCORECARD);
      expect(counts.get('b')).toMatchObject({ pass: 1, fail: 0 });
      expect(counts.get('d')).toMatchObject({ fail: 1 });

      // A scorecard that no longer applies takes its check rows along.
      await store.replaceEntityResults(entity, [stored(result('other', 10))]);
      await expect(rowIds()).resolves.toEqual({});
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps results whole when a write fails, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const entity = { ref: 'component:default/checkout', etag: 'e1' };
      await store.replaceEntityResults(entity, [
        stored(result('production-readiness', 40)),
      ]);

      // better-sqlite3 errors come from outside Jest's sandbox, so they fail
      // the instanceof Error check of toThrow().
      const broken = [
        stored(result('a', 1)),
        // Rejected by the database (the score is NOT NULL) after the old
        // rows were deleted in the same transaction.
        stored({ ...result('b', 2), score: null as unknown as number }),
      ];
      const failed = await store.replaceEntityResults(entity, broken).then(
        () => false,
        () => true,
      );
      expect(failed).toBe(true);

      const kept = await store.getEntityResults(entity.ref);
      expect(kept.results.get('production-readiness')?.score).toBe(40);
    },
  );

  it.each(databases.eachSupportedId())(
    'lets two writers store the same entity at once, the last one winning, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const write = (name: string, score: number, status: 'pass' | 'fail') =>
        store.replaceEntityResults(
          { ref: `component:default/${name}`, etag: 'e1' },
          [
            stored(
              result(SCORECARD, score, { owner: status, runbook: status }),
            ),
          ],
        );
      const names = Array.from({ length: 20 }, (_, i) => `service-${i}`);
      // One row per check and entity, agreeing with the result that won.
      const expectOneRowPerCheck = async () => {
        let passing = 0;
        for (const name of names) {
          const { results } = await store.getEntityResults(
            `component:default/${name}`,
          );
          const score = results.get(SCORECARD)?.score;
          expect([40, 60]).toContain(score);
          passing += score === 60 ? 1 : 0;
        }
        const counts = await store.getCheckStatusCounts(SCORECARD);
        for (const check of ['owner', 'runbook']) {
          expect(counts.get(check)).toMatchObject({
            pass: passing,
            fail: names.length - passing,
          });
        }
      };
      // As the change scan and a full run may, for new entities, then for
      // entities whose statuses change.
      await Promise.all(
        names.flatMap(name => [
          write(name, 40, 'fail'),
          write(name, 60, 'pass'),
        ]),
      );
      await expectOneRowPerCheck();
      await Promise.all(
        names.flatMap(name => [
          write(name, 60, 'pass'),
          write(name, 40, 'fail'),
        ]),
      );
      await expectOneRowPerCheck();
    },
  );

  it.each(databases.eachSupportedId())(
    'deletes results evaluated before a time, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const at = (evaluatedAt: string) => ({
        ...result('production-readiness', 50),
        evaluatedAt,
      });
      await store.replaceEntityResults(
        { ref: 'component:default/old', etag: null },
        [stored(at('2026-11-25T09:59:59.000Z'))],
      );
      await store.replaceEntityResults(
        { ref: 'component:default/new', etag: null },
        [stored(at('2026-11-25T10:00:00.000Z'))],
      );

      await expect(
        store.deleteResultsEvaluatedBefore(new Date('2026-11-25T10:00:00Z')),
      ).resolves.toBe(1);

      expect(
        (await store.getEntityResults('component:default/old')).results.size,
      ).toBe(0);
      expect(
        (await store.getEntityResults('component:default/new')).results.size,
      ).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'records changes only, with their cause, newest first, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const ref = 'component:default/svc';
      const evaluation = (
        time: string,
        level: string | null,
        status: 'pass' | 'fail',
      ): ScorecardResult => ({
        ...result('production-readiness', status === 'pass' ? 100 : 0),
        level,
        evaluatedAt: time,
        checks: [
          {
            id: 'owner',
            title: 'Owner',
            category: 'ownership',
            level: 'bronze',
            weight: 1,
            status,
            evidence: [],
            remediation: { text: 'Set an owner' },
          },
        ],
      });

      await store.replaceEntityResults({ ref, etag: 'e1' }, [
        stored(evaluation('2026-11-25T10:00:00.000Z', null, 'fail')),
      ]);
      // Same outcome, nothing recorded.
      await store.replaceEntityResults({ ref, etag: 'e1' }, [
        stored(evaluation('2026-11-25T10:30:00.000Z', null, 'fail')),
      ]);
      await store.replaceEntityResults({ ref, etag: 'e2' }, [
        stored(evaluation('2026-11-25T11:00:00.000Z', 'bronze', 'pass')),
      ]);
      await store.replaceEntityResults({ ref, etag: 'e2' }, [
        stored(evaluation('2026-11-25T12:00:00.000Z', null, 'fail'), 'v2'),
      ]);

      const history = await store.getEntityHistory(ref, { limit: 10 });
      expect(history.map(c => [c.changedAt, c.cause, c.levelAfter])).toEqual([
        ['2026-11-25T12:00:00.000Z', 'scorecard', null],
        ['2026-11-25T11:00:00.000Z', 'entity', 'bronze'],
        ['2026-11-25T10:00:00.000Z', 'first-evaluation', null],
      ]);
      expect(history[1]).toEqual({
        scorecard: 'production-readiness',
        changedAt: '2026-11-25T11:00:00.000Z',
        cause: 'entity',
        levelBefore: null,
        levelAfter: 'bronze',
        scoreBefore: 0,
        scoreAfter: 100,
        checks: [{ check: 'owner', before: 'fail', after: 'pass' }],
      });
      await expect(
        store.getEntityHistory(ref, { limit: 1 }),
      ).resolves.toHaveLength(1);

      await expect(
        store.deleteHistoryBefore(new Date('2026-11-25T11:00:00Z')),
      ).resolves.toBe(1);
      await expect(
        store.getEntityHistory(ref, { limit: 10 }),
      ).resolves.toHaveLength(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'aggregates the standing of a scorecard, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const scored = (name: string, score: number, level: string | null) =>
        store.replaceEntityResults(
          { ref: `component:default/${name}`, etag: null },
          [stored({ ...result('production-readiness', score), level })],
        );
      await scored('a', 40, null);
      await scored('b', 70, 'bronze');
      await scored('c', 90, 'bronze');
      await scored('d', 100, 'gold');

      await expect(
        store.getScorecardStanding('production-readiness'),
      ).resolves.toEqual({
        entities: 4,
        averageScore: 75,
        levelCounts: { none: 1, bronze: 2, gold: 1 },
      });
      await expect(store.getScorecardStanding('unknown')).resolves.toEqual({
        entities: 0,
        averageScore: null,
        levelCounts: {},
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'ranks owners, systems and domains in the database, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const scored = (
        name: string,
        score: number,
        level: string | null,
        owner: string | null,
        system: string | null,
      ) =>
        store.replaceEntityResults(
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

      const byOwner = await store.getLeaderboard(
        'production-readiness',
        'owner',
        {},
      );
      expect(
        byOwner.sort((x, y) => String(x.group).localeCompare(String(y.group))),
      ).toEqual([
        {
          group: 'group:default/team-a',
          entities: 2,
          averageScore: 60,
          levelCounts: { none: 1, silver: 1 },
        },
        {
          group: 'group:default/team-b',
          entities: 1,
          averageScore: 100,
          levelCounts: { gold: 1 },
        },
      ]);
      const byDomain = await store.getLeaderboard(
        'production-readiness',
        'domain',
        {},
      );
      expect(byDomain).toEqual(
        expect.arrayContaining([
          {
            group: 'domain:default/shop',
            entities: 2,
            averageScore: 70,
            levelCounts: { none: 1, gold: 1 },
          },
          {
            group: null,
            entities: 1,
            averageScore: 80,
            levelCounts: { silver: 1 },
          },
        ]),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'lists results by filter, lowest score first, paged, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const scored = (name: string, score: number, level: string | null) =>
        store.replaceEntityResults(
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
      const page: Parameters<typeof store.listResults>[1] = { limit: 10 };
      const refs = async (filter: object, p = page) =>
        (
          await store.listResults(
            { scorecardId: 'production-readiness', ...filter },
            p,
          )
        ).map(r => r.entityRef.replace('component:default/', ''));

      await expect(refs({})).resolves.toEqual(['d', 'a', 'b', 'c']);
      await expect(refs({ level: 'none' })).resolves.toEqual(['d', 'a']);
      await expect(refs({ level: 'silver' })).resolves.toEqual(['b', 'c']);
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
      const [first] = await store.listResults(
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
      const store = await createStore(databaseId);
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
        await store.replaceEntityResults(
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
          const rows = await store.listResults(
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
        store.listResults(
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
        store.listResults(
          { scorecardId: SCORECARD },
          { limit: 1, after: { score: 100, entityRef: 'component:default/g' } },
        ),
      ).resolves.toEqual([]);
    },
  );
});
