import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

const CONFIG_KEY = 'readiness.collectorTimeout';
const DEFAULT_TIMEOUT_MS = 10_000;

/** `readiness.collectorTimeout` in milliseconds. */
export function readCollectorTimeout(config: Config): number {
  if (!config.has(CONFIG_KEY)) {
    return DEFAULT_TIMEOUT_MS;
  }
  return durationToMilliseconds(
    readDurationFromConfig(config, { key: CONFIG_KEY }),
  );
}
