import type { Entity } from '@backstage/catalog-model';
import { Fact, FactValue } from '../types';

/** The source name of facts read from the entity itself. */
export const CATALOG_SOURCE = 'catalog';

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];
}

/**
 * The facts that the entity's own catalog data declares. Every fact is always
 * present (with `null` or an empty list when the entity does not declare it),
 * so that a missing annotation fails a check instead of making it unknown.
 *
 * @public
 */
export function catalogFacts(
  entity: Entity,
  observedAt: Date,
): Record<string, Fact> {
  const spec = entity.spec ?? {};
  const values: Record<string, FactValue> = {
    'catalog.kind': entity.kind,
    'catalog.type': text(spec.type),
    'catalog.owner': text(spec.owner),
    'catalog.lifecycle': text(spec.lifecycle),
    'catalog.system': text(spec.system),
    'catalog.description': text(entity.metadata.description),
    'catalog.tags': strings(entity.metadata.tags),
    'catalog.annotations': { ...entity.metadata.annotations },
    'catalog.linkTypes': (entity.metadata.links ?? []).flatMap(link =>
      link.type ? [link.type.toLocaleLowerCase('en-US')] : [],
    ),
  };
  const time = observedAt.toISOString();
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      { value, source: CATALOG_SOURCE, observedAt: time },
    ]),
  );
}
