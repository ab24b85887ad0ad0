import { FactDefinition } from '../types';

/*
 * The facts of the integration collectors (backend modules), declared here so
 * that the default scorecard can use them whether or not a module is
 * installed: without the module, its facts are "not collected" and the
 * scorecard falls back to what the catalog declares.
 */

/** What `@readiness/plugin-readiness-backend-module-prometheus` observes. @public */
export const PROMETHEUS_FACTS: FactDefinition[] = [
  {
    name: 'prometheus.scraped',
    type: 'boolean',
    description:
      'Prometheus has at least one scrape target for the entity (by its selector annotation).',
  },
  {
    name: 'prometheus.targetsUp',
    type: 'number',
    description:
      "Share of the entity's scrape targets that are up, 0 to 1 (`up` averaged).",
  },
  {
    name: 'prometheus.alertRules',
    type: 'string-list',
    description:
      'Names of the alerting rules whose expression or labels select the entity.',
  },
  {
    name: 'prometheus.sloRules',
    type: 'string-list',
    description:
      'Names of the recording rules for SLOs or SLIs (`slo:`/`sli:` prefixes, or `slo`/`sli` labels) that select the entity.',
  },
  {
    name: 'prometheus.errorRate',
    type: 'number',
    description:
      'Share of failed requests over the last 5 minutes, 0 to 1, from the configured error-rate query.',
  },
  {
    name: 'prometheus.latencyP99Seconds',
    type: 'number',
    description:
      '99th percentile request latency in seconds over the last 5 minutes, from the configured latency query.',
  },
];

/** What `@readiness/plugin-readiness-backend-module-github` observes. @public */
export const GITHUB_FACTS: FactDefinition[] = [
  {
    name: 'github.defaultBranchProtected',
    type: 'boolean',
    description: 'The default branch has branch protection.',
  },
  {
    name: 'github.requiredReviews',
    type: 'number',
    description:
      'Approving reviews the default branch requires before a merge (0 when none).',
  },
  {
    name: 'github.requiredStatusChecks',
    type: 'string-list',
    description: 'Status checks the default branch requires before a merge.',
  },
  {
    name: 'github.codeowners',
    type: 'boolean',
    description:
      'A CODEOWNERS file GitHub recognises (root, `.github/` or `docs/`), without errors.',
  },
  {
    name: 'github.workflows',
    type: 'string-list',
    description: 'Paths of the active GitHub Actions workflows.',
  },
  {
    name: 'github.lastRunSucceeded',
    type: 'boolean',
    description:
      'The latest completed workflow run on the default branch succeeded.',
  },
  {
    name: 'github.criticalAlerts',
    type: 'number',
    description:
      'Open Dependabot and code-scanning alerts of critical severity.',
  },
  {
    name: 'github.highAlerts',
    type: 'number',
    description: 'Open Dependabot and code-scanning alerts of high severity.',
  },
  {
    name: 'github.latestRelease',
    type: 'string',
    description:
      'Tag of the latest release, or else of the latest tag; null when there is neither.',
  },
];

/** What `@readiness/plugin-readiness-backend-module-pagerduty` observes. @public */
export const PAGERDUTY_FACTS: FactDefinition[] = [
  {
    name: 'pagerduty.serviceActive',
    type: 'boolean',
    description: 'The PagerDuty service exists and its status is not disabled.',
  },
  {
    name: 'pagerduty.escalationLevels',
    type: 'number',
    description: "Rules (levels) of the service's escalation policy.",
  },
  {
    name: 'pagerduty.onCall',
    type: 'string-list',
    description:
      'Who is on call now for the escalation policy (user names), first level first.',
  },
  {
    name: 'pagerduty.incidents30d',
    type: 'number',
    description: 'Incidents of the service created in the last 30 days.',
  },
  {
    name: 'pagerduty.mttrMinutes',
    type: 'number',
    description:
      'Mean time to resolve, in minutes, of the incidents resolved in the last 30 days; null when none was.',
  },
];

/** Every fact of the integration collectors. @public */
export const INTEGRATION_FACTS: FactDefinition[] = [
  ...PROMETHEUS_FACTS,
  ...GITHUB_FACTS,
  ...PAGERDUTY_FACTS,
];
