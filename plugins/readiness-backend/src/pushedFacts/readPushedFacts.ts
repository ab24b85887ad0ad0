import { Config } from '@backstage/config';
import { isRecord } from '@readiness/plugin-readiness-common';
import type {
  FactDefinition,
  FactType,
} from '@readiness/plugin-readiness-common';

/** Scorecards name a pushed fact `pushed.<name>`. */
export const PUSHED_PREFIX = 'pushed.';

/** The source of a pushed fact that was never pushed. */
export const PUSHED_SOURCE = 'pushed';

const KEY = 'readiness.pushedFacts';
const NAME = /^[a-z][a-zA-Z0-9]{0,63}$/;
const FACT_TYPES: readonly FactType[] = [
  'string',
  'number',
  'boolean',
  'string-list',
  'string-map',
];
/** Declarations need no essay; the scorecard editor shows it in a line. */
const MAX_DESCRIPTION_LENGTH = 1024;

/**
 * Reads `readiness.pushedFacts`: the facts pipelines may push, as facts
 * scorecards name `pushed.<name>`. Read once at startup; a mistake names the
 * entry (`readiness.pushedFacts[2].type must be one of …`) and stops the
 * plugin, as a scorecard over a misdeclared fact would be wrong everywhere.
 */
export function readPushedFacts(config: Config): FactDefinition[] {
  const raw = config.getOptional(KEY);
  if (raw === undefined) {
    return [];
  }
  if (!Array.isArray(raw)) {
    throw new Error(`${KEY} must be a list of { name, type, description }`);
  }
  const firstIndex = new Map<string, number>();
  return raw.map((entry, index) => {
    const at = `${KEY}[${index}]`;
    if (!isRecord(entry)) {
      throw new Error(`${at} must be a mapping of name, type and description`);
    }
    const unknownKey = Object.keys(entry).find(
      key => !['name', 'type', 'description'].includes(key),
    );
    if (unknownKey !== undefined) {
      throw new Error(
        `${at}.${unknownKey} is not a setting of a pushed fact; use name, type and description`,
      );
    }
    const { name, type, description } = entry;
    if (typeof name !== 'string' || !NAME.test(name)) {
      throw new Error(
        `${at}.name must be a lower-camel-case name of letters and digits, up to 64 characters (e.g. testCoverage), not ${JSON.stringify(
          name,
        )}`,
      );
    }
    if (!FACT_TYPES.includes(type as FactType)) {
      throw new Error(
        `${at}.type must be one of ${FACT_TYPES.join(
          ', ',
        )}, not ${JSON.stringify(type)}`,
      );
    }
    if (
      description !== undefined &&
      (typeof description !== 'string' ||
        description.length > MAX_DESCRIPTION_LENGTH)
    ) {
      throw new Error(
        `${at}.description must be text of at most ${MAX_DESCRIPTION_LENGTH} characters`,
      );
    }
    const first = firstIndex.get(name);
    if (first !== undefined) {
      throw new Error(
        `${at}.name "${name}" is declared twice (${KEY}[${first}] declares it too)`,
      );
    }
    firstIndex.set(name, index);
    return {
      name: `${PUSHED_PREFIX}${name}`,
      type: type as FactType,
      description:
        (description as string | undefined) ?? `Pushed by pipelines (${KEY})`,
    };
  });
}
