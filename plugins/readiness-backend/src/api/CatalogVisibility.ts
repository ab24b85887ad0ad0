import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

const REF_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];

/**
 * Which entities a caller may read, as the catalog's permission rules decide
 * it, for aggregates that must leave out the others.
 */
export class CatalogVisibility {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  /**
   * The refs of the entities the caller may read, or `undefined` when that
   * is every entity. The caller sees a subset of what the plugin itself
   * sees, so equal counts mean the same entities, and the common case costs
   * two counts instead of a walk through the catalog.
   */
  async visibleEntityRefs(
    credentials: BackstageCredentials,
  ): Promise<ReadonlySet<string> | undefined> {
    const [callers, all] = await Promise.all([
      this.count(credentials),
      this.count(await this.auth.getOwnServiceCredentials()),
    ]);
    if (callers >= all) {
      return undefined;
    }
    const refs = new Set<string>();
    const pages = this.catalog.streamEntities(
      { fields: REF_FIELDS, pageSize: 1000 },
      { credentials },
    );
    for await (const page of pages) {
      for (const entity of page) {
        refs.add(stringifyEntityRef(entity));
      }
    }
    return refs;
  }

  private async count(credentials: BackstageCredentials): Promise<number> {
    const { totalItems } = await this.catalog.queryEntities(
      { limit: 1, fields: ['kind'] },
      { credentials },
    );
    return totalItems;
  }
}
