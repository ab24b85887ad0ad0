import { Config } from '@backstage/config';
import {
  DEFAULT_SCORECARD_LIMITS,
  ScorecardLimits,
} from '@readiness/plugin-readiness-common';
import { readBoundedInteger } from '@readiness/plugin-readiness-node';

const PREFIX = 'readiness.limits.scorecards';
/** 64 MiB: above it a limit no longer protects anything. */
const MAX_LIMIT = 64 * 1024 * 1024;

/**
 * `readiness.limits.scorecards.*`: the budgets every scorecard read by the
 * backend is held to, each defaulting to `DEFAULT_SCORECARD_LIMITS`. A value
 * that is not a whole number from 1 to 64 Mi names its key.
 */
export function readScorecardLimits(config: Config): ScorecardLimits {
  const read = (name: keyof ScorecardLimits): number => {
    return readBoundedInteger(config, `${PREFIX}.${name}`, {
      min: 1,
      max: MAX_LIMIT,
      default: DEFAULT_SCORECARD_LIMITS[name],
    });
  };
  return {
    maxBytes: read('maxBytes'),
    maxAliasedBytes: read('maxAliasedBytes'),
    maxDepth: read('maxDepth'),
    maxConditionNodes: read('maxConditionNodes'),
    maxConditionNodesPerCheck: read('maxConditionNodesPerCheck'),
  };
}
