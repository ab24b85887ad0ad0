import { mockCredentials } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ResultSummary } from '@readiness/plugin-readiness-common';
import { ReadinessStore } from '../database';
import { ResultsListService } from './ResultsListService';

const rows: ResultSummary[] = ['h1', 'h2', 'a', 'h3', 'b', 'c'].map(
  (name, i) => ({
    entityRef: `component:default/${name}`,
    score: i * 10,
    level: null,
    evaluatedAt: '2026-11-25T10:00:00.000Z',
  }),
);

const store = {
  listResults: async (_filter, { limit, offset }) =>
    rows.slice(offset, offset + limit),
} as Partial<ReadinessStore> as ReadinessStore;

// Entities whose name starts with "h" are hidden from the caller.
const catalog = {
  getEntitiesByRefs: async ({ entityRefs }: { entityRefs: string[] }) => ({
    items: entityRefs.map(ref =>
      ref.startsWith('component:default/h')
        ? undefined
        : { apiVersion: 'v1', kind: 'Component', metadata: { name: ref } },
    ),
  }),
} as unknown as CatalogService;

describe('ResultsListService', () => {
  const service = new ResultsListService(catalog, store);
  const list = (limit: number, offset: number) =>
    service.list(
      { scorecardId: 'production-readiness' },
      { limit, offset },
      mockCredentials.user(),
    );
  const names = (items: ResultSummary[]) =>
    items.map(i => i.entityRef.replace('component:default/', ''));

  it('reads past hidden entities to fill a page, and says where to go on', async () => {
    const first = await list(2, 0);
    expect(names(first.items)).toEqual(['a', 'b']);
    expect(first.nextOffset).toBe(5);

    const second = await list(2, first.nextOffset!);
    expect(names(second.items)).toEqual(['c']);
    expect(second.nextOffset).toBeNull();
  });

  it('ends with an empty page when only hidden entities are left', async () => {
    await expect(list(5, 3)).resolves.toEqual({
      items: [rows[4], rows[5]],
      nextOffset: null,
    });
    await expect(list(5, 6)).resolves.toEqual({ items: [], nextOffset: null });
  });
});
