import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { FactCollector } from '@readiness/plugin-readiness-node';
import { CatalogRelationsResolver } from '../facts/CatalogRelationsResolver';
import { CollectorRunner } from '../facts/CollectorRunner';
import { FactsCache } from '../store';
import { sqliteStores } from './testStores';

export const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout' },
  spec: { type: 'service', owner: 'team-a' },
};
export const ref = 'component:default/checkout';
export const now = new Date('2026-11-25T10:00:00Z');

export function collector(
  id: string,
  collect: FactCollector['collect'],
  extra: Partial<FactCollector> = {},
): FactCollector {
  return {
    id,
    facts: [
      { name: `${id}.ok`, type: 'boolean', description: 'a flag' },
      { name: `${id}.count`, type: 'number', description: 'a count' },
    ],
    collect,
    ...extra,
  };
}

export const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-a' },
  relations: [{ type: 'hasMember', targetRef: 'user:default/ada' }],
};

export function relations(resolve: CatalogRelationsResolver['resolve']) {
  return { resolve } as CatalogRelationsResolver;
}

/**
 * Gathers the facts of {@link entity} with these collectors, keeping them in
 * the given cache or in one on a fresh SQLite database of `databases`.
 */
export function gatherWith(databases: TestDatabases) {
  return async function gather(
    collectors: FactCollector[],
    timeoutMs = 1000,
    resolver = relations(async () => ({ owner: team, system: null })),
    options: {
      factsCache?: FactsCache;
      frequencyMs?: number;
      maxLastGoodAgeMs?: number;
      at?: Date;
      force?: boolean;
      entity?: Entity;
      logger?: ReturnType<typeof mockServices.logger.mock>;
    } = {},
  ) {
    return new CollectorRunner({
      relations: resolver,
      collectors: () => collectors,
      factsCache:
        options.factsCache ?? (await sqliteStores(databases)).factsCache,
      logger: options.logger ?? mockServices.logger.mock(),
      settings: {
        timeoutMs,
        frequencyMs: () => options.frequencyMs ?? 0,
        maxLastGoodAgeMs: () => options.maxLastGoodAgeMs ?? Infinity,
        enabled: id => id !== 'off',
      },
    }).collect(options.entity ?? entity, options.at ?? now, {
      force: options.force,
    });
  };
}
