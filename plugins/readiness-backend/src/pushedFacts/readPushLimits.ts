import { Config } from '@backstage/config';
import { readBoundedInteger } from '@readiness/plugin-readiness-node';
import {
  CallerRateLimits,
  readCallerRateLimits,
} from '../api/CallerRateLimiter';

/** What `POST /facts` may cost a backend replica. */
export interface PushLimits extends CallerRateLimits {
  /** Entities evaluated after pushes at once on one replica. */
  maxConcurrentEvaluations: number;
}

/** `readiness.pushedFactsLimits.*`, with their defaults. */
export function readPushLimits(config: Config): PushLimits {
  return {
    ...readCallerRateLimits(config, 'readiness.pushedFactsLimits', {
      callerLimit: 120,
      callerWindow: { minutes: 1 },
    }),
    maxConcurrentEvaluations: readBoundedInteger(
      config,
      'readiness.pushedFactsLimits.maxConcurrentEvaluations',
      { min: 1, max: 64, default: 4 },
    ),
  };
}
