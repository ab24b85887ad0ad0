import type { FactValue } from '@readiness/plugin-readiness-common';
import type { FactType } from '@readiness/plugin-readiness-common';
import type { CollectedFacts, FactCollector } from './collectors';

function hasType(value: FactValue, type: FactType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string-list':
      return Array.isArray(value) && value.every(v => typeof v === 'string');
    case 'string-map':
      return (
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.values(value).every(v => typeof v === 'string')
      );
    default:
      return false;
  }
}

/**
 * What a collector returned for one entity, checked against the facts it
 * declares: values of the declared type (or `null`) are kept; anything else is
 * a problem, named so that the module's author can fix it.
 *
 * @public
 */
export function checkCollectedFacts(
  collector: Pick<FactCollector, 'id' | 'facts'>,
  collected: unknown,
): { facts: CollectedFacts; problems: string[] } {
  if (typeof collected !== 'object' || collected === null) {
    return {
      facts: {},
      problems: [
        `collector ${collector.id} returned ${JSON.stringify(
          collected,
        )} instead of an object of facts`,
      ],
    };
  }
  const declared = new Map(collector.facts.map(f => [f.name, f.type]));
  const facts: CollectedFacts = {};
  const problems: string[] = [];
  for (const [name, value] of Object.entries(collected)) {
    const type = declared.get(name);
    if (!type) {
      problems.push(
        `collector ${collector.id} returned undeclared fact ${name}`,
      );
    } else if (value !== null && !hasType(value as FactValue, type)) {
      problems.push(
        `collector ${collector.id} returned ${JSON.stringify(
          value,
        )} for ${name}, which is declared as ${type}`,
      );
    } else {
      facts[name] = value as FactValue;
    }
  }
  return { facts, problems };
}
