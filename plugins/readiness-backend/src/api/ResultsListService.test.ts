import { randomBytes } from 'node:crypto';
import { mockCredentials } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ResultSummary } from '@readiness/plugin-readiness-common';
import { ResultPosition } from '../store';
import { ResultsCursor } from './ResultsCursor';
import { RESULTS_SCAN_BATCH, ResultsListService } from './ResultsListService';

const row = (name: string, score: number): ResultSummary => ({
  entityRef: `component:default/${name}`,
  score,
  level: null,
  evaluatedAt: '2026-11-25T10:00:00.000Z',
});

const after = (r: ResultSummary, position?: ResultPosition) =>
  !position ||
  r.score > position.score ||
  (r.score === position.score && r.entityRef > position.entityRef);

/** A store over these rows, in list order, that counts its queries. */
function storeOf(rows: ResultSummary[]) {
  const store = {
    queries: 0,
    listResults: async (
      _filter: unknown,
      page: { limit: number; after?: ResultPosition },
    ) => {
      store.queries++;
      return rows.filter(r => after(r, page.after)).slice(0, page.limit);
    },
  };
  return store;
}

/** A catalog showing entities whose name starts with "h" to no one. */
function catalogOf() {
  const catalog = {
    calls: 0,
    getEntitiesByRefs: async ({ entityRefs }: { entityRefs: string[] }) => {
      catalog.calls++;
      return {
        items: entityRefs.map(ref =>
          ref.startsWith('component:default/h')
            ? undefined
            : { apiVersion: 'v1', kind: 'Component', metadata: { name: ref } },
        ),
      };
    },
  };
  return catalog;
}

const cursors = new ResultsCursor(randomBytes(32));

function serviceOf(rows: ResultSummary[], scanRows = 5000) {
  const store = storeOf(rows);
  const catalog = catalogOf();
  const service = new ResultsListService({
    catalog: catalog as unknown as CatalogService,
    resultList: store,
    cursors,
    limits: { scanRows },
  });
  const list = (limit: number, cursor?: string) =>
    service.list(
      { scorecardId: 'production-readiness' },
      { limit, cursor },
      mockCredentials.user(),
    );
  return { list, store, catalog };
}

const names = (items: ResultSummary[]) =>
  items.map(i => i.entityRef.replace('component:default/', ''));

/** The list every test reads, as the service binds its cursors to it. */
const QUERY = JSON.stringify([
  'user:default/mock',
  [['scorecardId', 'production-readiness']],
]);

describe('ResultsListService', () => {
  const rows = ['h1', 'h2', 'a', 'h3', 'b', 'c'].map((n, i) => row(n, i * 10));

  it('reads past hidden entities to fill a page, and says where to go on', async () => {
    const { list } = serviceOf(rows);
    const first = await list(2);
    expect(names(first.items)).toEqual(['a', 'b']);
    expect(cursors.decode(first.nextCursor!, QUERY)).toEqual({
      score: 40,
      entityRef: 'component:default/b',
    });

    const second = await list(2, first.nextCursor!);
    expect(names(second.items)).toEqual(['c']);
    expect(second.nextCursor).toBeNull();
  });

  it('ends with an empty page when only hidden entities are left', async () => {
    const { list } = serviceOf([...rows, row('h4', 90), row('h5', 90)]);
    const first = await list(3);
    expect(names(first.items)).toEqual(['a', 'b', 'c']);
    await expect(list(3, first.nextCursor!)).resolves.toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('rejects a cursor it did not make, naming the parameter', async () => {
    const { list } = serviceOf(rows);
    await expect(list(2, 'offset-3')).rejects.toThrow(InputError);
    await expect(list(2, 'offset-3')).rejects.toThrow(/cursor/);
  });

  it('reads a bounded number of results per request, in batches, for a caller who sees one of many', async () => {
    const hidden = Array.from({ length: 12_000 }, (_, i) =>
      row(`h${String(i).padStart(5, '0')}`, 10),
    );
    const scanRows = 5000;
    const { list, store, catalog } = serviceOf(
      [...hidden, row('visible', 50)],
      scanRows,
    );
    const maxCalls = Math.ceil(scanRows / RESULTS_SCAN_BATCH);

    const first = await list(1);
    expect(first.items).toEqual([]);
    expect(first.nextCursor).not.toBeNull();
    expect(store.queries).toBeLessThanOrEqual(maxCalls);
    expect(catalog.calls).toBeLessThanOrEqual(maxCalls);

    // The client asks again where the reading stopped, until it finds it.
    let page = first;
    let requests = 1;
    while (page.items.length === 0 && page.nextCursor) {
      page = await list(1, page.nextCursor);
      requests++;
    }
    expect(names(page.items)).toEqual(['visible']);
    expect(requests).toBe(3);
    expect(store.queries).toBeLessThanOrEqual(requests * maxCalls);
    expect(catalog.calls).toBeLessThanOrEqual(requests * maxCalls);
  });

  it('answers alike whether few or many hidden entities lie between the visible ones', async () => {
    const world = (hiddenCount: number) => [
      row('a', 10),
      ...Array.from({ length: hiddenCount }, (_, i) =>
        row(`h${String(i).padStart(4, '0')}`, 20),
      ),
      row('b', 30),
      row('c', 40),
    ];
    const few = serviceOf(world(2), 300);
    const many = serviceOf(world(250), 300);

    // A full page: the cursor is the last visible entity's position.
    const [fewPage, manyPage] = await Promise.all([few.list(2), many.list(2)]);
    expect(fewPage.items).toEqual(manyPage.items);
    expect(fewPage.nextCursor!.length).toBe(manyPage.nextCursor!.length);
    expect(cursors.decode(fewPage.nextCursor!, QUERY)).toEqual(
      cursors.decode(manyPage.nextCursor!, QUERY),
    );
    const [fewNext, manyNext] = await Promise.all([
      few.list(2, fewPage.nextCursor!),
      many.list(2, manyPage.nextCursor!),
    ]);
    expect(fewNext).toEqual(manyNext);

    // Reading stopped among hidden entities: the cursor shows none of them.
    const { list } = serviceOf(world(1000), 300);
    const afterA = (await list(1)).nextCursor!;
    const stopped = await list(1, afterA);
    expect(stopped.items).toEqual([]);
    expect(stopped.nextCursor!.length).toBe(fewPage.nextCursor!.length);
    expect(
      Buffer.from(stopped.nextCursor!, 'base64url').toString('latin1'),
    ).not.toContain('h0');
  });
});
