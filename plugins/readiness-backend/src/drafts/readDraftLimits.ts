import { Config } from '@backstage/config';
import { readBoundedInteger } from '@readiness/plugin-readiness-node';
import {
  CallerRateLimits,
  readCallerRateLimits,
} from '../api/CallerRateLimiter';

/** What `POST /entities/evaluate` may cost a backend replica. */
export interface DraftLimits extends CallerRateLimits {
  /** Draft evaluations running at once on one replica, whoever asked. */
  maxConcurrent: number;
}

/** `readiness.drafts.*`, with their defaults. */
export function readDraftLimits(config: Config): DraftLimits {
  return {
    ...readCallerRateLimits(config, 'readiness.drafts', {
      callerLimit: 30,
      callerWindow: { minutes: 1 },
    }),
    maxConcurrent: readBoundedInteger(
      config,
      'readiness.drafts.maxConcurrent',
      {
        min: 1,
        max: 64,
        default: 4,
      },
    ),
  };
}
