import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ownerScorecard } from '../__testUtils__/ownerScorecard';
import { testEvaluator } from '../__testUtils__/testEvaluator';
import { sqliteStores } from '../__testUtils__/testStores';
import { CatalogChangeScan } from './CatalogChangeScan';

const services = ownerScorecard('services', {
  appliesTo: { kind: 'component', 'spec.type': 'service' },
});

const entity = (
  kind: string,
  name: string,
  etag: string,
  spec: object = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', etag },
  spec,
});

describe('CatalogChangeScan', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function setUp(maxUnscored?: number) {
    const stores = await sqliteStores(databases);
    const logger = mockServices.logger.mock();
    const evaluator = testEvaluator({ stores, scorecards: [services] });
    let catalog = catalogServiceMock({ entities: [] });
    const scan = new CatalogChangeScan({
      catalog: {
        streamEntities: (...args) => catalog.streamEntities(...args),
        getEntitiesByRefs: (...args) => catalog.getEntitiesByRefs(...args),
      } as typeof catalog,
      auth: mockServices.auth(),
      entityResults: stores.entityResults,
      evaluator,
      logger,
      maxUnscored,
    });
    const scanOver = (entities: Entity[]) => {
      catalog = catalogServiceMock({ entities });
      jest.spyOn(catalog, 'getEntitiesByRefs');
      return scan.run().then(summary => ({ summary, catalog }));
    };
    return { stores, scanOver, scan };
  }

  it('evaluates new and changed entities only, and skips what no scorecard applies to', async () => {
    const { stores, scanOver } = await setUp();
    const team = entity('Group', 'team', 'g1', { type: 'team' });
    const a = entity('Component', 'a', 'a1', { type: 'service', owner: 'x' });
    const b = entity('Component', 'b', 'b1', { type: 'service', owner: 'x' });

    const first = await scanOver([team, a, b]);
    expect(first.summary).toEqual({ changed: 2, failed: 0 });

    const unchanged = await scanOver([team, a, b]);
    expect(unchanged.summary).toEqual({ changed: 0, failed: 0 });
    // Nothing changed, so no entity was read in full.
    expect(unchanged.catalog.getEntitiesByRefs).not.toHaveBeenCalled();

    const edited = { ...a, metadata: { ...a.metadata, etag: 'a2' } };
    const second = await scanOver([team, edited, b]);
    expect(second.summary).toEqual({ changed: 1, failed: 0 });
    const history = await stores.history.getEntityHistory(
      'component:default/a',
      {
        limit: 10,
      },
    );
    // The level did not move and no check changed, so nothing is recorded;
    // the stored etag did.
    expect(history.map(c => c.cause)).toEqual(['first-evaluation']);
    const stored = await stores.entityResults.getEntityResults(
      'component:default/a',
    );
    expect(stored.entityEtag).toBe('a2');
  });

  it('removes the results of an entity no scorecard applies to any more', async () => {
    const { stores, scanOver } = await setUp();
    const a = entity('Component', 'a', 'a1', { type: 'service', owner: 'x' });
    await scanOver([a]);

    const library = entity('Component', 'a', 'a2', { type: 'library' });
    await expect(scanOver([library])).resolves.toMatchObject({
      summary: { changed: 1 },
    });
    const stored = await stores.entityResults.getEntityResults(
      'component:default/a',
    );
    expect(stored.results.size).toBe(0);
  });

  /** How many unscored entities the scan remembers. */
  const remembered = (scan: CatalogChangeScan) =>
    (scan as unknown as { unscored: Map<string, unknown> }).unscored.size;

  it('forgets unscored entities that left the catalog', async () => {
    const { scanOver, scan } = await setUp();
    const groups = (prefix: string) =>
      Array.from({ length: 50 }, (_, i) =>
        entity('Group', `${prefix}-${i}`, 'g1', { type: 'team' }),
      );

    await scanOver(groups('old'));
    expect(remembered(scan)).toBe(50);
    await scanOver(groups('new'));
    expect(remembered(scan)).toBe(50);
    // Still known: an unchanged group is not read in full again.
    const again = await scanOver(groups('new'));
    expect(again.catalog.getEntitiesByRefs).not.toHaveBeenCalled();
  });

  it('remembers at most its bound of unscored entities, the longest unseen going first', async () => {
    const { scanOver, scan } = await setUp(10);
    const groups = Array.from({ length: 25 }, (_, i) =>
      entity('Group', `team-${i}`, 'g1', { type: 'team' }),
    );

    await scanOver(groups);
    expect(remembered(scan)).toBe(10);
    // Those pushed out are read once more, and nothing breaks.
    await expect(scanOver(groups)).resolves.toMatchObject({
      summary: { changed: 0, failed: 0 },
    });
    expect(remembered(scan)).toBe(10);
  });
});
