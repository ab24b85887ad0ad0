import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** `kind:namespace/name`, lower case, as the catalog compares refs. */
function keyOf(ref: string | CompoundEntityRef): string {
  const text =
    typeof ref === 'string'
      ? ref
      : `${ref.kind}:${ref.namespace ?? 'default'}/${ref.name}`;
  return text.toLocaleLowerCase('en-US');
}

/** A catalog filter (`kind=component,spec.type=service`) matches, case-insensitive. */
function matchesFilter(entity: Entity, filter: Record<string, string[]>) {
  return Object.entries(filter).every(([key, values]) => {
    let value: unknown = entity;
    for (const part of key.split('.')) {
      value = (value as Record<string, unknown> | undefined)?.[part];
    }
    if (value === undefined || value === null) {
      return false;
    }
    if (values.length === 0) {
      return true; // `key` alone asserts existence
    }
    const found = [value].flat().map(v => String(v).toLocaleLowerCase('en-US'));
    return values.some(v => found.includes(v.toLocaleLowerCase('en-US')));
  });
}

/**
 * The catalog calls Readiness (and Tech Insights' JSON rules checker) make,
 * answered from memory, so that a benchmark measures them and not the
 * catalog backend. Every caller sees every entity.
 */
export class MemoryCatalog {
  private readonly byRef = new Map<string, Entity>();

  constructor(entities: Entity[]) {
    for (const entity of entities) {
      this.byRef.set(keyOf(stringifyEntityRef(entity)), entity);
    }
  }

  /** Replaces an entity, as a catalog refresh would. */
  put(entity: Entity) {
    this.byRef.set(keyOf(stringifyEntityRef(entity)), entity);
  }

  get(ref: string | CompoundEntityRef): Entity | undefined {
    return this.byRef.get(keyOf(ref));
  }

  /** Every entity, in a stable order. */
  all(): Entity[] {
    return [...this.byRef.values()];
  }

  /**
   * Entities matching any of the filter sets (the `filter` query of the
   * catalog's `GET /entities`), each a list of `key=value` or `key`
   * conditions that must all hold; a key given twice matches either value.
   */
  filter(filterSets: string[]): Entity[] {
    if (filterSets.length === 0) {
      return this.all();
    }
    const parsed = filterSets.map(set => {
      const conditions: Record<string, string[]> = {};
      for (const part of set.split(',')) {
        const [key, ...rest] = part.split('=');
        conditions[key.trim()] ??= [];
        if (rest.length > 0) {
          conditions[key.trim()].push(rest.join('=').trim());
        }
      }
      return conditions;
    });
    return this.all().filter(entity =>
      parsed.some(conditions => matchesFilter(entity, conditions)),
    );
  }

  asService(): CatalogService {
    const all = () => this.all();
    const get = (ref: string | CompoundEntityRef) => this.get(ref);
    const byRef = this.byRef;
    return {
      async *streamEntities(request?: { pageSize?: number }) {
        const entities = all();
        const size = request?.pageSize ?? 500;
        for (let i = 0; i < entities.length; i += size) {
          yield entities.slice(i, i + size);
        }
      },
      async getEntitiesByRefs(request: { entityRefs: string[] }) {
        return { items: request.entityRefs.map(get) };
      },
      async getEntityByRef(ref: string | CompoundEntityRef) {
        return get(ref);
      },
      async queryEntities(request?: { limit?: number }) {
        const limit = request?.limit ?? byRef.size;
        const items: Entity[] = [];
        for (const entity of byRef.values()) {
          if (items.length >= limit) {
            break;
          }
          items.push(entity);
        }
        return { items, totalItems: byRef.size, pageInfo: {} };
      },
    } as unknown as CatalogService;
  }
}
