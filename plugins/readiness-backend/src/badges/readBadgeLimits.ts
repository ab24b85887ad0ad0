import { Config } from '@backstage/config';
import {
  CallerRateLimits,
  readCallerRateLimits,
} from '../api/CallerRateLimiter';

/**
 * `readiness.badges.callerLimit`, `callerWindow` and `maxTracked`: how many
 * badge link writes (new ids and revocations) one caller may make, by
 * default 20 per 10 minutes.
 */
export function readBadgeLimits(config: Config): CallerRateLimits {
  return readCallerRateLimits(config, 'readiness.badges', {
    callerLimit: 20,
    callerWindow: { minutes: 10 },
  });
}
