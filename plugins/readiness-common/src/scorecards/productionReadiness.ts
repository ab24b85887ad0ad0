import { Condition, ScorecardDefinition } from '../types';

const annotation = (key: string): Condition => ({
  fact: 'catalog.annotations',
  key,
  exists: true,
});

const link = (type: string): Condition => ({
  fact: 'catalog.linkTypes',
  contains: type,
});

/**
 * The built-in Production Readiness scorecard, over what the catalog
 * declares about a service or website.
 *
 * @public
 */
export const productionReadinessScorecard: ScorecardDefinition = {
  id: 'production-readiness',
  title: 'Production Readiness',
  description:
    'Is this service ready to run in production: owned, observable, documented and deployable?',
  appliesTo: {
    kind: 'component',
    'spec.type': { $in: ['service', 'website'] },
  },
  levels: [
    { id: 'bronze', title: 'Bronze' },
    { id: 'silver', title: 'Silver' },
    { id: 'gold', title: 'Gold' },
  ],
  categories: [
    { id: 'ownership', title: 'Ownership & incident management' },
    { id: 'observability', title: 'Observability' },
    { id: 'documentation', title: 'Documentation' },
    { id: 'delivery', title: 'Deployment & CI/CD' },
  ],
  checks: [
    {
      id: 'owner-set',
      title: 'Has an owner',
      category: 'ownership',
      level: 'bronze',
      weight: 3,
      condition: { fact: 'catalog.owner', exists: true },
      remediation: {
        text: 'Set `spec.owner` to the group that runs this service.',
        docsUrl:
          'https://backstage.io/docs/features/software-catalog/descriptor-format#specowner-required',
      },
    },
    {
      id: 'description-set',
      title: 'Has a description',
      category: 'documentation',
      level: 'bronze',
      weight: 1,
      condition: { fact: 'catalog.description', exists: true },
      remediation: {
        text: 'Add `metadata.description`: one sentence on what the service does.',
      },
    },
    {
      id: 'lifecycle-known',
      title: 'Lifecycle is a known stage',
      category: 'ownership',
      level: 'bronze',
      weight: 1,
      condition: {
        fact: 'catalog.lifecycle',
        in: ['experimental', 'production', 'deprecated'],
      },
      remediation: {
        text: 'Set `spec.lifecycle` to `experimental`, `production` or `deprecated`.',
      },
    },
    {
      id: 'system-membership',
      title: 'Belongs to a system',
      category: 'ownership',
      level: 'bronze',
      weight: 1,
      condition: { fact: 'catalog.system', exists: true },
      remediation: {
        text: 'Set `spec.system` so the service is found with the system it is part of.',
      },
    },
    {
      id: 'source-location',
      title: 'Source location is declared',
      category: 'delivery',
      level: 'silver',
      weight: 2,
      condition: annotation('backstage.io/source-location'),
      remediation: {
        text: 'Add the `backstage.io/source-location` annotation pointing at the repository.',
        docsUrl:
          'https://backstage.io/docs/features/software-catalog/well-known-annotations#backstageiosource-location',
      },
    },
    {
      id: 'techdocs',
      title: 'Has TechDocs',
      category: 'documentation',
      level: 'silver',
      weight: 2,
      condition: annotation('backstage.io/techdocs-ref'),
      remediation: {
        text: 'Add `backstage.io/techdocs-ref: dir:.` and an `mkdocs.yml` next to the catalog file.',
        docsUrl: 'https://backstage.io/docs/features/techdocs/getting-started',
      },
    },
    {
      id: 'on-call',
      title: 'On-call is set up',
      category: 'ownership',
      level: 'silver',
      weight: 3,
      condition: {
        any: [
          annotation('pagerduty.com/service-id'),
          annotation('opsgenie.com/component-selector'),
        ],
      },
      remediation: {
        text: 'Link the service to its on-call schedule with the `pagerduty.com/service-id` (or `opsgenie.com/component-selector`) annotation.',
      },
    },
    {
      id: 'runbook',
      title: 'Has a runbook',
      category: 'ownership',
      level: 'silver',
      weight: 2,
      condition: link('runbook'),
      remediation: {
        text: 'Add a link of `type: runbook` to `metadata.links` so on-call engineers find it during an incident.',
      },
    },
    {
      id: 'dashboards',
      title: 'Has metrics dashboards',
      category: 'observability',
      level: 'gold',
      weight: 2,
      condition: {
        any: [annotation('grafana/dashboard-selector'), link('dashboard')],
      },
      remediation: {
        text: 'Add the `grafana/dashboard-selector` annotation or a link of `type: dashboard`.',
      },
    },
    {
      id: 'alerting',
      title: 'Alerting rules are declared',
      category: 'observability',
      level: 'gold',
      weight: 2,
      condition: annotation('prometheus.io/rule'),
      remediation: {
        text: 'Add the `prometheus.io/rule` annotation naming the alerting rule of the service.',
      },
    },
    {
      id: 'slo',
      title: 'SLOs are published',
      category: 'observability',
      level: 'gold',
      weight: 2,
      condition: link('slo'),
      remediation: {
        text: 'Add a link of `type: slo` to the service level objectives.',
      },
    },
    {
      id: 'repository',
      title: 'Repository is linked for CI insight',
      category: 'delivery',
      level: 'gold',
      weight: 1,
      condition: annotation('github.com/project-slug'),
      remediation: {
        text: 'Add the `github.com/project-slug` annotation (`org/repo`).',
      },
    },
  ],
};
