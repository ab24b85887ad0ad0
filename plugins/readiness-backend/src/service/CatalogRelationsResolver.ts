import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogRelations } from '@readiness/plugin-readiness-common';

function refOf(
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

/**
 * Looks up the entities that an entity's owner and system refer to, with the
 * plugin's own credentials: results are shared by every user who may see the
 * entity, so they must not depend on who asked first.
 */
export class CatalogRelationsResolver {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async resolve(entity: Entity): Promise<CatalogRelations> {
    const namespace = entity.metadata.namespace ?? 'default';
    const ownerRef = refOf(entity.spec?.owner, 'group', namespace);
    const systemRef = refOf(entity.spec?.system, 'system', namespace);
    const refs = [ownerRef, systemRef].filter((r): r is string => !!r);
    if (refs.length === 0) {
      return { owner: null, system: null };
    }
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: refs },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    const found = (ref: string | undefined) =>
      ref ? items[refs.indexOf(ref)] ?? null : null;
    return { owner: found(ownerRef), system: found(systemRef) };
  }
}
