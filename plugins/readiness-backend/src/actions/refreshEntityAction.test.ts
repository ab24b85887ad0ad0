import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { checkout } from '../__testUtils__/catalogEntities';
import { hideEntitiesFromUsers } from '../__testUtils__/hideEntitiesFromUsers';
import { startActionsBackend } from '../__testUtils__/startActionsBackend';

describe('action refresh-entity', () => {
  it('evaluates the entity anew and answers like get-entity-readiness', async () => {
    const { invoke, catalog } = await startActionsBackend({
      entities: [checkout],
    });
    const before = await invoke('get-entity-readiness', {
      entityRef: 'checkout',
    });
    expect(before.scorecards[0].level).toBeNull();

    // The owners fix the bronze checks meanwhile.
    const fixed: Entity = {
      ...checkout,
      metadata: {
        ...checkout.metadata,
        annotations: {
          ...checkout.metadata.annotations,
          'github.com/project-slug': 'example/checkout',
        },
      },
    };
    jest.spyOn(catalog, 'getEntityByRef').mockResolvedValue(fixed);
    const after = await invoke('refresh-entity', { entityRef: 'checkout' });

    expect(after.entityRef).toBe('component:default/checkout');
    const [result] = after.scorecards;
    expect(
      result.checksNotPassing.map((c: { id: string }) => c.id),
    ).not.toContain('source-location');
    expect(Date.parse(result.evaluatedAt)).toBeGreaterThanOrEqual(
      Date.parse(before.scorecards[0].evaluatedAt),
    );
    expect(result.checksNotPassing.length).toBeLessThanOrEqual(15);
  });

  it('refuses a caller without the refresh permission', async () => {
    const { invoke } = await startActionsBackend({
      entities: [checkout],
      permissions: mockServices.permissions.factory({
        result: AuthorizeResult.DENY,
      }),
    });
    await expect(
      invoke('refresh-entity', { entityRef: 'checkout' }),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message:
        'You may not refresh the readiness of component:default/checkout',
    });
  });

  it('refuses services that config does not name, before reading the catalog', async () => {
    const { invoke, catalog } = await startActionsBackend({
      entities: [checkout],
    });
    const reads = jest.spyOn(catalog, 'getEntityByRef');
    const searches = jest.spyOn(catalog, 'queryEntities');
    // As the REST API answers: 403 whether the entity exists or not.
    for (const entityRef of ['checkout', 'checkuot']) {
      await expect(
        invoke(
          'refresh-entity',
          { entityRef },
          mockCredentials.service('external:agent'),
        ),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
    }
    expect(reads).not.toHaveBeenCalled();
    expect(searches).not.toHaveBeenCalled();
  });

  it('reads the entity once, and searches for similar names only when it is not found', async () => {
    const { invoke, catalog } = await startActionsBackend({
      entities: [checkout],
    });
    const reads = jest.spyOn(catalog, 'getEntityByRef');
    const searches = jest.spyOn(catalog, 'queryEntities');

    await invoke('refresh-entity', { entityRef: 'checkout' });
    expect(reads).toHaveBeenCalledTimes(1);
    expect(searches).not.toHaveBeenCalled();

    await expect(
      invoke('refresh-entity', { entityRef: 'checkuot' }),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message:
        'No entity component:default/checkuot in the catalog; did you mean component:default/checkout?',
    });
    expect(searches).toHaveBeenCalled();
  });

  it('says when to try again once rate limited, in an error AI clients are shown', async () => {
    const { invoke } = await startActionsBackend({ entities: [checkout] });
    await invoke('refresh-entity', { entityRef: 'checkout' });
    await expect(
      invoke('refresh-entity', { entityRef: 'component:default/checkout' }),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(
        /^Refresh of component:default\/checkout refused, rate limited: .*try again later \(in \d+ s\)\. get-entity-readiness answers with the stored results meanwhile\.$/,
      ),
    });
  });

  it('answers for an entity the caller may not read as for one that does not exist', async () => {
    const secret: Entity = {
      ...checkout,
      metadata: { ...checkout.metadata, name: 'secret' },
    };
    const { invoke, catalog } = await startActionsBackend({
      entities: [checkout, secret],
    });
    hideEntitiesFromUsers(catalog, e => e.metadata.name === 'secret');
    for (const entityRef of ['secret', 'missing']) {
      await expect(
        invoke('refresh-entity', { entityRef }),
      ).rejects.toMatchObject({
        name: 'NotFoundError',
        message: `No entity component:default/${entityRef} in the catalog`,
      });
    }
  });
});
