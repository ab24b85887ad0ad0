import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogRelationsResolver } from './CatalogRelationsResolver';

const entity = (kind: string, name: string, spec = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec,
});

const team = entity('Group', 'team-a');
const jane = entity('User', 'jane.doe');
const payments = entity('System', 'payments');

describe('CatalogRelationsResolver', () => {
  const catalog = catalogServiceMock({ entities: [team, jane, payments] });
  const resolver = new CatalogRelationsResolver(catalog, mockServices.auth());

  it('resolves a group owner and the system, with service credentials', async () => {
    const spy = jest.spyOn(catalog, 'getEntitiesByRefs');
    await expect(
      resolver.resolve(
        entity('Component', 'svc', { owner: 'team-a', system: 'payments' }),
      ),
    ).resolves.toEqual({ owner: team, system: payments });
    expect(spy).toHaveBeenCalledWith(
      { entityRefs: ['group:default/team-a', 'system:default/payments'] },
      { credentials: mockCredentials.service('plugin:test') },
    );
  });

  it('resolves for a caller with their credentials: what they may not read is none', async () => {
    const user = mockCredentials.user('user:default/eve');
    // The caller may read the system, not the team.
    const spy = jest
      .spyOn(catalog, 'getEntitiesByRefs')
      .mockResolvedValueOnce({ items: [undefined, payments] });
    await expect(
      resolver.resolveFor(
        entity('Component', 'svc', { owner: 'team-a', system: 'payments' }),
        user,
      ),
    ).resolves.toEqual({ owner: null, system: payments });
    expect(spy).toHaveBeenLastCalledWith(
      { entityRefs: ['group:default/team-a', 'system:default/payments'] },
      { credentials: user },
    );
    // Nothing is cached for others: the plugin still sees the team.
    await expect(
      resolver.resolve(entity('Component', 'svc', { owner: 'team-a' })),
    ).resolves.toEqual({ owner: team, system: null });
  });

  it('resolves a user owner given with its kind', async () => {
    await expect(
      resolver.resolve(entity('Component', 'svc', { owner: 'user:jane.doe' })),
    ).resolves.toEqual({ owner: jane, system: null });
  });

  it('answers null for refs that resolve to nothing or are not refs', async () => {
    await expect(
      resolver.resolve(
        entity('Component', 'svc', { owner: 'team-gone', system: 42 }),
      ),
    ).resolves.toEqual({ owner: null, system: null });
    await expect(
      resolver.resolve(entity('Component', 'svc', { owner: '' })),
    ).resolves.toEqual({ owner: null, system: null });
  });

  it('looks each ref up once a minute, and not again while it is fresh', async () => {
    let now = 0;
    const counted = catalogServiceMock({ entities: [team, payments] });
    const spy = jest.spyOn(counted, 'getEntitiesByRefs');
    const cached = new CatalogRelationsResolver(
      counted,
      mockServices.auth(),
      () => now,
    );
    const svc = (name: string) =>
      entity('Component', name, { owner: 'team-a', system: 'payments' });

    await Promise.all([cached.resolve(svc('a')), cached.resolve(svc('b'))]);
    await cached.resolve(svc('c'));
    expect(spy).toHaveBeenCalledTimes(1);

    now = 61_000;
    await expect(cached.resolve(svc('d'))).resolves.toEqual({
      owner: team,
      system: payments,
    });
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failed lookup', async () => {
    const failing = catalogServiceMock({ entities: [team] });
    jest
      .spyOn(failing, 'getEntitiesByRefs')
      .mockRejectedValueOnce(new Error('catalog down'));
    const retrying = new CatalogRelationsResolver(failing, mockServices.auth());
    const svc = entity('Component', 'svc', { owner: 'team-a' });

    await expect(retrying.resolve(svc)).rejects.toThrow('catalog down');
    await expect(retrying.resolve(svc)).resolves.toEqual({
      owner: team,
      system: null,
    });
  });

  it('answers even when its lookups push the oldest refs out of the cache', async () => {
    const small = new CatalogRelationsResolver(
      catalogServiceMock({ entities: [team, payments] }),
      mockServices.auth(),
      Date.now,
      1,
    );
    await expect(
      small.resolve(
        entity('Component', 'svc', { owner: 'team-a', system: 'payments' }),
      ),
    ).resolves.toEqual({ owner: team, system: payments });
  });

  it('keeps at most its bound of refs, looking up again those pushed out', async () => {
    const counted = catalogServiceMock({ entities: [team, payments] });
    jest.spyOn(counted, 'getEntitiesByRefs');
    const small = new CatalogRelationsResolver(
      counted,
      mockServices.auth(),
      Date.now,
      2,
    );
    for (let i = 0; i < 100; i++) {
      await small.resolve(entity('Component', `svc-${i}`, { owner: `t-${i}` }));
    }
    expect(
      (small as unknown as { cache: Map<string, unknown> }).cache.size,
    ).toBe(2);
    expect(counted.getEntitiesByRefs).toHaveBeenCalledTimes(100);
    await small.resolve(entity('Component', 'svc', { owner: 't-99' }));
    expect(counted.getEntitiesByRefs).toHaveBeenCalledTimes(100);
    await small.resolve(entity('Component', 'svc', { owner: 't-0' }));
    expect(counted.getEntitiesByRefs).toHaveBeenCalledTimes(101);
  });
});
