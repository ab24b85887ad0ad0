import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseReadinessStore } from './DatabaseReadinessStore';
import { EntityAttributes } from './ReadinessStore';
import { attributes, result, stored } from '../__testUtils__/storeFixtures';

jest.setTimeout(60_000);

const SCORECARD = 'production-readiness';

describe('DatabaseReadinessStore aggregates and facts', () => {
  const databases = TestDatabases.create();

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    return DatabaseReadinessStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
  }

  type Store = Awaited<ReturnType<typeof createStore>>;

  function scoreAt(
    store: Store,
    name: string,
    evaluatedAt: string,
    score: number,
    level: string | null,
    given: Partial<EntityAttributes> = {},
  ) {
    return store.replaceEntityResults(
      {
        ref: `component:default/${name}`,
        etag: null,
        attributes: attributes(given),
      },
      [stored({ ...result(SCORECARD, score), level, evaluatedAt })],
    );
  }

  it.each(databases.eachSupportedId())(
    'counts each check status, over all entities or the visible ones, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const evaluate = (
        name: string,
        checks: Record<string, 'pass' | 'fail' | 'unknown'>,
      ) =>
        store.replaceEntityResults(
          { ref: `component:default/${name}`, etag: null },
          [stored(result(SCORECARD, 50, checks))],
        );
      await evaluate('a', { owner: 'pass', runbook: 'fail' });
      await evaluate('b', { owner: 'pass', runbook: 'unknown' });
      await evaluate('c', { owner: 'fail', runbook: 'fail' });
      // A new evaluation replaces the entity's statuses.
      await evaluate('c', { owner: 'pass', runbook: 'fail' });

      const counts = await store.getCheckStatusCounts(SCORECARD);
      expect(counts.get('owner')).toEqual({
        pass: 3,
        fail: 0,
        unknown: 0,
        'not-applicable': 0,
        waived: 0,
      });
      expect(counts.get('runbook')).toMatchObject({ fail: 2, unknown: 1 });

      const visible = new Set(['component:default/a']);
      const mine = await store.getCheckStatusCounts(SCORECARD, visible);
      expect(mine.get('runbook')).toMatchObject({ fail: 1, unknown: 0 });

      const failing = await store.listResults(
        { scorecardId: SCORECARD, check: 'runbook', status: 'fail' },
        { limit: 10 },
      );
      expect(failing.map(r => r.entityRef).sort()).toEqual([
        'component:default/a',
        'component:default/c',
      ]);
      const anyUnknown = await store.listResults(
        { scorecardId: SCORECARD, status: 'unknown' },
        { limit: 10 },
      );
      expect(anyUnknown.map(r => r.entityRef)).toEqual(['component:default/b']);
    },
  );

  it.each(databases.eachSupportedId())(
    'filters by kind, type, lifecycle and tag, tags matched whole, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const at = '2026-11-25T10:00:00.000Z';
      await scoreAt(store, 'a', at, 10, null, {
        owner: 'group:default/x',
        type: 'service',
        lifecycle: 'production',
        tags: ['java', 'pci_dss'],
      });
      await scoreAt(store, 'b', at, 30, null, {
        owner: 'group:default/x',
        type: 'website',
        lifecycle: 'experimental',
        tags: ['javascript', 'pci-dss'],
      });
      await scoreAt(store, 'c', at, 50, 'gold', {
        owner: 'group:default/y',
        kind: 'api',
        type: 'openapi',
      });
      const refs = async (filter: object) =>
        (
          await store.listResults(
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

      const board = await store.getLeaderboard(SCORECARD, 'owner', {
        kind: 'component',
        tag: 'javascript',
      });
      expect(board).toEqual([
        {
          group: 'group:default/x',
          entities: 1,
          averageScore: 30,
          levelCounts: { none: 1 },
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'ranks groups as they stood at a past time, from the history, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const team = { owner: 'group:default/team' };
      await scoreAt(store, 'a', '2026-10-01T00:00:00.000Z', 20, null, team);
      await scoreAt(store, 'b', '2026-10-01T00:00:00.000Z', 40, 'bronze', team);
      await scoreAt(store, 'a', '2026-11-20T00:00:00.000Z', 60, 'silver', team);
      // Not scored yet at the time asked about.
      await scoreAt(store, 'c', '2026-11-21T00:00:00.000Z', 90, 'gold', team);

      const then = await store.getLeaderboardAt(
        new Date('2026-11-01T00:00:00Z'),
        SCORECARD,
        'owner',
        {},
      );
      expect(then).toEqual([
        {
          group: 'group:default/team',
          entities: 2,
          averageScore: 30,
          levelCounts: { none: 1, bronze: 1 },
        },
      ]);
      const visibleThen = await store.getLeaderboardAt(
        new Date('2026-11-01T00:00:00Z'),
        SCORECARD,
        'owner',
        {},
        new Set(['component:default/b']),
      );
      expect(visibleThen).toEqual([
        expect.objectContaining({ entities: 1, averageScore: 40 }),
      ]);
      const now = await store.getLeaderboard(SCORECARD, 'owner', {});
      expect(now).toEqual([
        expect.objectContaining({ entities: 3, averageScore: 63.3 }),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the last facts per entity and collector, and drops those of removed entities, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const ref = 'component:default/a';
      await scoreAt(store, 'a', '2026-11-25T10:00:00.000Z', 50, null);
      await store.saveEntityFacts(ref, 'github', {
        observedAt: '2026-11-25T10:00:00.000Z',
        facts: { 'github.branchProtection': true },
      });
      await store.saveEntityFacts(ref, 'github', {
        observedAt: '2026-11-25T11:00:00.000Z',
        facts: { 'github.branchProtection': false, 'github.openAlerts': 3 },
      });
      await store.saveEntityFacts(ref, 'pagerduty', {
        observedAt: '2026-11-25T11:00:00.000Z',
        facts: { 'pagerduty.onCall': ['ada'] },
      });
      const facts = await store.getEntityFacts(ref);
      expect(facts.get('github')).toEqual({
        observedAt: '2026-11-25T11:00:00.000Z',
        facts: { 'github.branchProtection': false, 'github.openAlerts': 3 },
      });
      expect([...facts.keys()].sort()).toEqual(['github', 'pagerduty']);
      await expect(
        store.getEntityEtags([ref, 'component:default/x']),
      ).resolves.toEqual(new Map([[ref, null]]));

      await store.deleteResultsEvaluatedBefore(
        new Date('2026-11-26T00:00:00Z'),
      );
      await expect(store.getEntityFacts(ref)).resolves.toEqual(new Map());
      await expect(store.getCheckStatusCounts(SCORECARD)).resolves.toEqual(
        new Map(),
      );
    },
  );
});
