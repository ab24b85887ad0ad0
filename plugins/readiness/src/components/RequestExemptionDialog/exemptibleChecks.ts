import type {
  CheckResult,
  ScorecardDefinition,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';

/** How long an exemption may last when the scorecard does not say. */
export const DEFAULT_EXEMPTION_MAX_DAYS = 90;

/** The longest an exemption from the scorecard may last, in days. */
export function exemptionMaxDays(definition: ScorecardDefinition): number {
  return definition.exemptions?.maxDays ?? DEFAULT_EXEMPTION_MAX_DAYS;
}

/**
 * The checks of a result an owner may ask an exemption from: failing or
 * unknown, and not marked `exemptible: false` by the scorecard.
 */
export function exemptibleChecks(
  result: ScorecardResult,
  definition: ScorecardDefinition,
): CheckResult[] {
  const forbidden = new Set(
    definition.checks
      .filter(check => check.exemptible === false)
      .map(check => check.id),
  );
  return result.checks.filter(
    check =>
      (check.status === 'fail' || check.status === 'unknown') &&
      !forbidden.has(check.id),
  );
}
