import { Config } from '@backstage/config';
import {
  readBoundedInteger,
  readDurationMs,
} from '@readiness/plugin-readiness-node';
import type { PreviewJobBudgets } from './PreviewJobs';
import type { PreviewLimits } from './ScorecardPreview';

const count = (config: Config, key: string, fallback: number, max: number) =>
  readBoundedInteger(config, key, { min: 1, max, default: fallback });

/** `readiness.preview.*`: what one scorecard preview may cost. */
export function readPreviewSettings(
  config: Config,
): PreviewJobBudgets & PreviewLimits {
  return {
    timeBudgetMs: readDurationMs(config, 'readiness.preview.timeBudget', {
      allowZero: true,
      default: { seconds: 60 },
    }),
    maxEntities: count(
      config,
      'readiness.preview.maxEntities',
      20_000,
      10_000_000,
    ),
    maxChanges: count(config, 'readiness.preview.maxChanges', 1000, 100_000),
    maxConcurrentJobs: count(
      config,
      'readiness.preview.maxConcurrentJobs',
      2,
      64,
    ),
    retentionMs: readDurationMs(config, 'readiness.preview.retention', {
      allowZero: true,
      default: { hours: 1 },
    }),
  };
}
