import { isRecord } from '@readiness/plugin-readiness-common';
import type { CollectedFacts } from '@readiness/plugin-readiness-node';
import type { GithubRepository } from './GithubClient';
import { unexpectedPayload } from './unexpectedPayload';

type Severity = 'critical' | 'high';

/**
 * The open Dependabot and code-scanning alerts counted by severity, as
 * `github.criticalAlerts` and `github.highAlerts`. A Dependabot alert's
 * severity is its advisory's, else its vulnerability's; a code-scanning
 * alert's is its rule's security severity (non-security rules have none).
 *
 * @internal
 */
export function countAlertsBySeverity(
  repository: GithubRepository,
  dependabot: unknown[],
  codeScanning: unknown[],
): CollectedFacts {
  const counts: Record<Severity, number> = { critical: 0, high: 0 };
  const count = (severity: unknown) => {
    if (severity === 'critical' || severity === 'high') {
      counts[severity] += 1;
    }
  };
  for (const alert of dependabot) {
    if (!isRecord(alert)) {
      throw unexpectedPayload(
        repository,
        'a Dependabot alert is not an object',
      );
    }
    const advisory = isRecord(alert.security_advisory)
      ? alert.security_advisory.severity
      : undefined;
    const vulnerability = isRecord(alert.security_vulnerability)
      ? alert.security_vulnerability.severity
      : undefined;
    if (typeof advisory !== 'string' && typeof vulnerability !== 'string') {
      throw unexpectedPayload(repository, 'a Dependabot alert has no severity');
    }
    count(typeof advisory === 'string' ? advisory : vulnerability);
  }
  for (const alert of codeScanning) {
    if (!isRecord(alert) || !isRecord(alert.rule)) {
      throw unexpectedPayload(repository, 'a code-scanning alert has no rule');
    }
    // Alerts of non-security rules have no security_severity_level.
    count(alert.rule.security_severity_level);
  }
  return {
    'github.criticalAlerts': counts.critical,
    'github.highAlerts': counts.high,
  };
}
