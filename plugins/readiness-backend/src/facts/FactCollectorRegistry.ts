import { FactCollector } from '@readiness/plugin-readiness-node';

/** Collector ids that the backend uses itself (`pushed`: readiness.pushedFacts). */
const RESERVED_IDS = new Set(['catalog', 'pushed']);

/**
 * The collectors that modules added, checked as they are added so that a
 * mistake in a module stops the backend with a message naming the module's
 * collector, instead of producing wrong results later.
 */
export class FactCollectorRegistry {
  private readonly collectors = new Map<string, FactCollector>();

  add(collector: FactCollector): void {
    const { id } = collector;
    if (!/^[a-z][a-z0-9-]*$/.test(id) || RESERVED_IDS.has(id)) {
      throw new Error(
        `Invalid readiness fact collector id "${id}": use lowercase letters, digits and dashes, and not ${[
          ...RESERVED_IDS,
        ].join(', ')}`,
      );
    }
    if (this.collectors.has(id)) {
      throw new Error(`Readiness fact collector "${id}" was added twice`);
    }
    for (const fact of collector.facts) {
      if (!fact.name.startsWith(`${id}.`)) {
        throw new Error(
          `Readiness fact collector "${id}" declares fact "${fact.name}", which must start with "${id}."`,
        );
      }
    }
    this.collectors.set(id, collector);
  }

  list(): FactCollector[] {
    return [...this.collectors.values()];
  }
}
