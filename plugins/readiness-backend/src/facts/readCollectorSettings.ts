import { Config } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import { readDurationMs } from '@readiness/plugin-readiness-node';

/** How old last good facts may be to stand in for a failing collector. */
const DEFAULT_MAX_LAST_GOOD_AGE: HumanDuration = { days: 7 };

/** What app-config says of each fact collector, by collector id. */
export interface CollectorSettings {
  /** `readiness.collectors.<id>.enabled`, true by default. */
  enabled(collectorId: string): boolean;
  /**
   * `readiness.collectors.<id>.frequency`: how long the collector's facts
   * are reused before it is asked again; by default its facts are
   * collected anew at every evaluation.
   */
  frequencyMs(collectorId: string): number;
  /**
   * `readiness.collectors.<id>.maxLastGoodAge`: how old the collector's last
   * good facts may be to stand in for it while it fails; 7 days by default.
   */
  maxLastGoodAgeMs(collectorId: string): number;
}

/** `read` for each key once: settings are asked for every entity. */
function perCollector<T>(read: (collectorId: string) => T) {
  const known = new Map<string, T>();
  return (collectorId: string): T => {
    if (!known.has(collectorId)) {
      known.set(collectorId, read(collectorId));
    }
    return known.get(collectorId)!;
  };
}

/**
 * Reads `readiness.collectors`; `defaults` gives the frequency of built-in
 * collectors whose facts are costly to collect. App-config does not change
 * while the backend runs, so each collector's settings are read once.
 */
export function readCollectorSettings(
  config: Config,
  defaults: Record<string, HumanDuration> = {},
): CollectorSettings {
  return {
    enabled: perCollector(
      id =>
        config.getOptionalBoolean(`readiness.collectors.${id}.enabled`) ?? true,
    ),
    frequencyMs: perCollector(id =>
      readDurationMs(
        config,
        `readiness.collectors.${id}.frequency`,
        // Zero: collected anew at every evaluation.
        { default: defaults[id] ?? 0, allowZero: true },
      ),
    ),
    maxLastGoodAgeMs: perCollector(id =>
      readDurationMs(config, `readiness.collectors.${id}.maxLastGoodAge`, {
        allowZero: true,
        default: DEFAULT_MAX_LAST_GOOD_AGE,
      }),
    ),
  };
}
