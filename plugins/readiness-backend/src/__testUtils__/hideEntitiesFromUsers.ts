import { Entity } from '@backstage/catalog-model';
import { CatalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

function isUser(options?: object): boolean {
  return (
    (options as { credentials?: { principal: { type?: string } } })?.credentials
      ?.principal.type === 'user'
  );
}

/**
 * Makes the mock catalog leave out, for users, the entities they may not
 * read, in every read the actions make: by ref, by refs, queries (items
 * and counts) and streams; the plugin's own credentials see them all.
 */
export function hideEntitiesFromUsers(
  catalog: CatalogServiceMock,
  isHidden: (entity: Entity) => boolean,
): void {
  const shown = (entity: Entity | undefined, options?: object) =>
    entity && !(isUser(options) && isHidden(entity)) ? entity : undefined;
  const getEntityByRef = catalog.getEntityByRef.bind(catalog);
  jest
    .spyOn(catalog, 'getEntityByRef')
    .mockImplementation(async (ref, options) =>
      shown(await getEntityByRef(ref, options), options),
    );
  const getEntitiesByRefs = catalog.getEntitiesByRefs.bind(catalog);
  jest
    .spyOn(catalog, 'getEntitiesByRefs')
    .mockImplementation(async (request, options) => {
      const { items } = await getEntitiesByRefs(request, options);
      return { items: items.map(e => shown(e ?? undefined, options)) };
    });
  const queryEntities = catalog.queryEntities.bind(catalog);
  jest
    .spyOn(catalog, 'queryEntities')
    .mockImplementation(async (request, options) => {
      const response = await queryEntities(request, options);
      // Counted over every match, whole, beyond this page and its fields.
      const everyMatch =
        request && !('cursor' in request)
          ? await queryEntities(
              { ...request, limit: undefined, fields: undefined },
              options,
            )
          : response;
      return {
        ...response,
        items: response.items.filter(e => !e.metadata || shown(e, options)),
        totalItems: everyMatch.items.filter(e => shown(e, options)).length,
      };
    });
  const streamEntities = catalog.streamEntities.bind(catalog);
  jest
    .spyOn(catalog, 'streamEntities')
    .mockImplementation(async function* stream(request, options) {
      for await (const page of streamEntities(request, options)) {
        yield page.filter(e => shown(e, options));
      }
    });
}
