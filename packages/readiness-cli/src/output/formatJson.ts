import { ScorecardResult } from '@readiness/plugin-readiness-common';

/**
 * The `--format json` document: a stable, small shape for scripts, without
 * evidence or timestamps, so that two runs over the same files are equal.
 * Advisory checks carry `advisory`; `advisoryFailing` and `campaigns` are
 * there only when not 0 or empty.
 */
export function formatJson(results: ScorecardResult[]): string {
  const document = {
    results: results.map(result => ({
      entityRef: result.entityRef,
      scorecard: result.scorecard.id,
      score: result.score,
      level: result.level,
      ...(result.advisoryFailing
        ? { advisoryFailing: result.advisoryFailing }
        : {}),
      checks: result.checks.map(check => ({
        id: check.id,
        status: check.status,
        ...(check.reason !== undefined && { reason: check.reason }),
        ...(check.advisory !== undefined && { advisory: check.advisory }),
      })),
      ...(result.campaigns && { campaigns: result.campaigns }),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
