import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogRelations } from '@readiness/plugin-readiness-common';

/**
 * The ref an entity's `spec.owner` or `spec.system` names, lower case, with
 * the catalog's default kind and the entity's namespace.
 */
export function relationRefOf(
  value: unknown,
  defaultKind: string,
  defaultNamespace: string,
): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    return undefined;
  }
  try {
    const ref = parseEntityRef(value, { defaultKind, defaultNamespace });
    return `${ref.kind}:${ref.namespace}/${ref.name}`.toLocaleLowerCase(
      'en-US',
    );
  } catch {
    return undefined;
  }
}

/** How long a looked-up owner or system is reused. */
const CACHE_MS = 60_000;
/** At most this many cached refs; the oldest go first. */
const CACHE_SIZE = 10_000;

/**
 * Looks up the entities that an entity's owner and system refer to, with the
 * plugin's own credentials: results are shared by every user who may see the
 * entity, so they must not depend on who asked first. A catalog run asks for
 * the same few groups and systems for thousands of entities, so each ref is
 * looked up once a minute, and concurrent asks share one lookup.
 */
export class CatalogRelationsResolver {
  private readonly cache = new Map<
    string,
    { expires: number; entity: Promise<Entity | null> }
  >();

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly now: () => number = Date.now,
    private readonly cacheSize: number = CACHE_SIZE,
  ) {}

  async resolve(entity: Entity): Promise<CatalogRelations> {
    const namespace = entity.metadata.namespace ?? 'default';
    const ownerRef = relationRefOf(entity.spec?.owner, 'group', namespace);
    const systemRef = relationRefOf(entity.spec?.system, 'system', namespace);
    const [owner, system] = await Promise.all(
      this.lookUp([ownerRef, systemRef]),
    );
    return { owner, system };
  }

  /**
   * The same, as one caller may see it, uncached: for an answer given to
   * that caller alone (a preview), where an owner or system the caller may
   * not read must count as none.
   */
  async resolveFor(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<CatalogRelations> {
    const namespace = entity.metadata.namespace ?? 'default';
    const refs = [
      relationRefOf(entity.spec?.owner, 'group', namespace),
      relationRefOf(entity.spec?.system, 'system', namespace),
    ];
    const asked = refs.filter((ref): ref is string => ref !== undefined);
    const { items } =
      asked.length > 0
        ? await this.catalog.getEntitiesByRefs(
            { entityRefs: asked },
            { credentials },
          )
        : { items: [] };
    let found = 0;
    const [owner, system] = refs.map(ref =>
      ref === undefined ? null : items[found++] ?? null,
    );
    return { owner, system };
  }

  /** Entities for these refs, from the cache or in one catalog call. */
  private lookUp(
    refs: Array<string | undefined>,
  ): Array<Promise<Entity | null>> {
    const now = this.now();
    const missing = refs.filter(
      (ref): ref is string =>
        ref !== undefined && !((this.cache.get(ref)?.expires ?? 0) > now),
    );
    // Read before evicting, so that eviction cannot drop what this asks for.
    const found = new Map<string, Promise<Entity | null>>();
    for (const ref of refs) {
      const cached = ref && !missing.includes(ref) && this.cache.get(ref);
      if (cached) {
        found.set(ref!, cached.entity);
      }
    }
    if (missing.length > 0) {
      const fetched = this.auth
        .getOwnServiceCredentials()
        .then(credentials =>
          this.catalog.getEntitiesByRefs(
            { entityRefs: missing },
            { credentials },
          ),
        );
      missing.forEach((ref, index) => {
        const entity = fetched.then(({ items }) => items[index] ?? null);
        found.set(ref, entity);
        this.cache.delete(ref);
        this.cache.set(ref, { expires: now + CACHE_MS, entity });
        // A failed lookup is not kept.
        entity.catch(() => {
          if (this.cache.get(ref)?.entity === entity) {
            this.cache.delete(ref);
          }
        });
      });
      for (const oldest of this.cache.keys()) {
        if (this.cache.size <= this.cacheSize) {
          break;
        }
        this.cache.delete(oldest);
      }
    }
    return refs.map(ref => (ref && found.get(ref)) || Promise.resolve(null));
  }
}
