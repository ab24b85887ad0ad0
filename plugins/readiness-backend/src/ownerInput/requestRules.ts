import { addDays, isCalendarDay } from '@readiness/plugin-readiness-common';
import { InputError } from '@backstage/errors';
import {
  AttestationRequest,
  ExemptionRequest,
  ScorecardDefinition,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';
import { attestationIds } from './attestationIds';

/** How long an exemption may last when the scorecard does not say. */
export const DEFAULT_MAX_EXEMPTION_DAYS = 90;

/** A 400 that names the field at fault. */
function invalid(field: string, message: string): InputError {
  return new InputError(`${field}: ${message}`);
}

function requireText(field: string, text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) {
    throw invalid(field, 'must not be empty');
  }
  return trimmed;
}

/**
 * Checks an exemption request against the scorecard and the entity's
 * current result; returns the distinct checks and the trimmed reason.
 */
export function checkExemptionRequest(
  request: ExemptionRequest,
  scorecard: ScorecardDefinition,
  current: ScorecardResult,
  today: string,
): { checks: string[]; reason: string } {
  const checks = [...new Set(request.checks)];
  const results = new Map(current.checks.map(c => [c.id, c]));
  const definitions = new Map(scorecard.checks.map(c => [c.id, c]));
  checks.forEach((id, index) => {
    const field = `checks[${index}]`;
    const definition = definitions.get(id);
    if (!definition) {
      throw invalid(field, `scorecard ${scorecard.id} has no check "${id}"`);
    }
    if (definition.exemptible === false) {
      throw invalid(
        field,
        `check "${id}" may not be exempted (the scorecard sets exemptible: false)`,
      );
    }
    const status = results.get(id)?.status ?? 'not-applicable';
    if (status !== 'fail' && status !== 'unknown') {
      throw invalid(
        field,
        `check "${id}" is ${status} for ${current.entityRef}; only failing or unknown checks can be exempted`,
      );
    }
  });
  const reason = requireText('reason', request.reason);
  const { expiresAt } = request;
  if (!isCalendarDay(expiresAt)) {
    throw invalid('expiresAt', `"${expiresAt}" is not a date (YYYY-MM-DD)`);
  }
  if (expiresAt < today) {
    throw invalid('expiresAt', `${expiresAt} is in the past`);
  }
  const maxDays = scorecard.exemptions?.maxDays ?? DEFAULT_MAX_EXEMPTION_DAYS;
  const latest = addDays(today, maxDays);
  if (expiresAt > latest) {
    throw invalid(
      'expiresAt',
      `${expiresAt} is more than ${maxDays} days away; scorecard ${scorecard.id} allows exemptions until ${latest} at the latest`,
    );
  }
  return { checks, reason };
}

/** Checks an approver's end date: a day, not past, not after the request's. */
export function checkDecisionEndDate(
  expiresAt: string,
  requested: string,
  today: string,
): void {
  if (!isCalendarDay(expiresAt)) {
    throw invalid('expiresAt', `"${expiresAt}" is not a date (YYYY-MM-DD)`);
  }
  if (expiresAt < today) {
    throw invalid('expiresAt', `${expiresAt} is in the past`);
  }
  if (expiresAt > requested) {
    throw invalid(
      'expiresAt',
      `${expiresAt} is after the requested end date ${requested}; an approver may only shorten it`,
    );
  }
}

/** Checks an attestation against the scorecard; returns the statement. */
export function checkAttestationRequest(
  request: AttestationRequest,
  scorecard: ScorecardDefinition,
): { statement: string } {
  const accepted = attestationIds(scorecard);
  if (!accepted.has(request.attestation)) {
    const known = [...accepted.keys()];
    throw invalid(
      'attestation',
      `no check of scorecard ${scorecard.id} accepts attestation "${
        request.attestation
      }"${known.length > 0 ? ` (it accepts ${known.join(', ')})` : ''}`,
    );
  }
  return { statement: requireText('statement', request.statement) };
}
