import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * The catalog calls Readiness makes, answered from memory, so that a
 * benchmark measures Readiness and not the catalog backend.
 */
export class MemoryCatalog {
  private readonly byRef = new Map<string, Entity>();

  constructor(entities: Entity[]) {
    for (const entity of entities) {
      this.byRef.set(stringifyEntityRef(entity), entity);
    }
  }

  /** Replaces an entity, as a catalog refresh would. */
  put(entity: Entity) {
    this.byRef.set(stringifyEntityRef(entity), entity);
  }

  get(ref: string): Entity | undefined {
    return this.byRef.get(ref);
  }

  asService(): CatalogService {
    const byRef = this.byRef;
    return {
      async *streamEntities(request?: { pageSize?: number }) {
        const all = [...byRef.values()];
        const size = request?.pageSize ?? 500;
        for (let i = 0; i < all.length; i += size) {
          yield all.slice(i, i + size);
        }
      },
      async getEntitiesByRefs(request: { entityRefs: string[] }) {
        return {
          items: request.entityRefs.map(
            ref => byRef.get(ref.toLocaleLowerCase('en-US')) ?? byRef.get(ref),
          ),
        };
      },
      async queryEntities() {
        return { items: [], totalItems: byRef.size, pageInfo: {} };
      },
    } as unknown as CatalogService;
  }
}
