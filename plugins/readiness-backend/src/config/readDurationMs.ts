import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';

/**
 * A duration from config (`{ seconds: 10 }` or `'10s'`) in milliseconds, or
 * the fallback when the key is not set; a malformed value names the key.
 */
export function readDurationMs(
  config: Config,
  key: string,
  fallback: HumanDuration,
): number {
  return durationToMilliseconds(
    config.has(key) ? readDurationFromConfig(config, { key }) : fallback,
  );
}
