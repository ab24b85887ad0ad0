import { createHash } from 'node:crypto';
import { Entity } from '@backstage/catalog-model';
import { FactCollector } from '@readiness/plugin-readiness-node';

/** JSON with object keys sorted, so that equal values give equal text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(stableJson).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries
      .map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * A hash of what the collector reads for the entity, stored with its facts
 * so that facts about one repository or service are never used for another.
 * The collector says what it reads (`target`); by default it is whatever an
 * entity author can point it with, the annotations, labels and spec, so a
 * change of any of them has the collector asked anew: a wasted collection
 * at worst, never facts about the wrong source.
 */
export function collectorTarget(
  collector: FactCollector,
  entity: Entity,
): string {
  return createHash('sha256')
    .update(ownTarget(collector, entity) ?? defaultTarget(entity))
    .digest('hex');
}

/** What the collector says it reads; nothing if it cannot say. */
function ownTarget(
  collector: FactCollector,
  entity: Entity,
): string | undefined {
  try {
    const target = collector.target?.(entity);
    return typeof target === 'string' ? `own:${target}` : undefined;
  } catch {
    return undefined; // the default is never narrower, so never less safe
  }
}

function defaultTarget(entity: Entity): string {
  return stableJson({
    annotations: entity.metadata.annotations,
    labels: entity.metadata.labels,
    spec: entity.spec,
  });
}
