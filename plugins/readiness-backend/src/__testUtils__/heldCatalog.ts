import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

/**
 * The catalog, whose pages after the first `heldAfter` wait for `release`
 * (all of them when 0; none when undefined).
 */
export function heldCatalog(entities: Entity[], heldAfter?: number) {
  const catalog = catalogServiceMock({ entities });
  let release = () => {};
  if (heldAfter !== undefined) {
    const released = new Promise<void>(resolve => {
      release = resolve;
    });
    const stream = catalog.streamEntities.bind(catalog);
    jest
      .spyOn(catalog, 'streamEntities')
      .mockImplementation(async function* heldPages(...args) {
        let pages = 0;
        for await (const page of stream(...args)) {
          if (pages++ >= heldAfter) {
            await released;
          }
          yield page;
        }
      });
  }
  return { catalog, release };
}
