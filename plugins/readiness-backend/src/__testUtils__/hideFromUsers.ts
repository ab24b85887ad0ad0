import { Entity } from '@backstage/catalog-model';
import { CatalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

function isUser(options?: object): boolean {
  return (
    (options as { credentials?: { principal: { type?: string } } })?.credentials
      ?.principal.type === 'user'
  );
}

/**
 * Makes the mock catalog answer as its permission rules would when users
 * may not read some entities: counts, streams and reads by ref leave them
 * out for users, while the plugin's own service credentials see them all.
 */
export function hideFromUsers(
  catalog: CatalogServiceMock,
  isHidden: (entity: Entity) => boolean,
): void {
  const forCaller = (entities: Entity[], options?: object) =>
    isUser(options) ? entities.filter(e => !isHidden(e)) : entities;
  const queryEntities = catalog.queryEntities.bind(catalog);
  jest
    .spyOn(catalog, 'queryEntities')
    .mockImplementation(async (req, options) => {
      const response = await queryEntities(req, options);
      const all = await queryEntities(
        { fields: ['kind', 'metadata.name'] },
        options,
      );
      return { ...response, totalItems: forCaller(all.items, options).length };
    });
  const streamEntities = catalog.streamEntities.bind(catalog);
  jest
    .spyOn(catalog, 'streamEntities')
    .mockImplementation(async function* stream(req, options) {
      for await (const page of streamEntities(req, options)) {
        yield forCaller(page, options);
      }
    });
  const getEntityByRef = catalog.getEntityByRef.bind(catalog);
  jest
    .spyOn(catalog, 'getEntityByRef')
    .mockImplementation(async (ref, options) => {
      const entity = await getEntityByRef(ref, options);
      return entity && forCaller([entity], options).length > 0
        ? entity
        : undefined;
    });
}
