import { JsonObject } from '@backstage/config';
import {
  CI_ANNOTATIONS,
  annotationFact,
  CATALOG_FACTS_RETRIEVER,
  linkFact,
} from './catalogFactRetriever';

const OWNERSHIP = 'entityOwnershipFactRetriever';
const METADATA = 'entityMetadataFactRetriever';
const TECHDOCS = 'techdocsFactRetriever';

/** Tech Insights' fact retriever task ids, as they are scheduled. */
export const FACT_RETRIEVERS = [
  OWNERSHIP,
  METADATA,
  TECHDOCS,
  CATALOG_FACTS_RETRIEVER,
];

const isTrue = (fact: string) => ({ fact, operator: 'equal', value: true });
const annotation = (key: string) => isTrue(annotationFact(key));
const link = (type: string) => isTrue(linkFact(type));

/**
 * The catalog-derived checks of the production-readiness scorecard, as JSON
 * rules checks: each check's catalog evidence (annotations, link types,
 * fields). Repository and integration evidence is left out on both sides
 * of the comparison's check logic: Tech Insights has no such facts here.
 * `owner-resolves` becomes "the owner is a group", which is what the
 * built-in ownership retriever can tell.
 */
const CHECKS: Record<string, { factIds: string[]; conditions: JsonObject }> = {
  'owner-set': {
    factIds: [OWNERSHIP],
    conditions: { all: [isTrue('hasOwner')] },
  },
  'owner-resolves': {
    factIds: [OWNERSHIP],
    conditions: { all: [isTrue('hasGroupOwner')] },
  },
  description: {
    factIds: [METADATA],
    conditions: { all: [isTrue('hasDescription')] },
  },
  'lifecycle-known': {
    factIds: [CATALOG_FACTS_RETRIEVER],
    conditions: {
      all: [
        {
          fact: 'lifecycle',
          operator: 'in',
          value: ['experimental', 'production', 'deprecated'],
        },
      ],
    },
  },
  'system-membership': {
    factIds: [CATALOG_FACTS_RETRIEVER],
    conditions: { all: [isTrue('hasSystem')] },
  },
  'source-location': {
    factIds: [CATALOG_FACTS_RETRIEVER],
    conditions: {
      any: [
        annotation('backstage.io/source-location'),
        annotation('github.com/project-slug'),
        annotation('gitlab.com/project-slug'),
      ],
    },
  },
  'ci-pipeline': {
    factIds: [CATALOG_FACTS_RETRIEVER],
    conditions: {
      any: CI_ANNOTATIONS.map(annotation),
    },
  },
  'on-call': {
    factIds: [CATALOG_FACTS_RETRIEVER],
    conditions: {
      any: [
        ...[
          'pagerduty.com/service-id',
          'pagerduty.com/integration-key',
          'opsgenie.com/component-selector',
          'opsgenie.com/team',
          'splunk.com/on-call-team',
          'splunk.com/on-call-routing-key',
        ].map(annotation),
        link('on-call'),
      ],
    },
  },
  'escalation-path': {
    factIds: [CATALOG_FACTS_RETRIEVER],
    conditions: {
      any: [annotation('readiness.dev/escalation-policy'), link('escalation')],
    },
  },
  runbook: {
    factIds: [CATALOG_FACTS_RETRIEVER],
    conditions: { any: [link('runbook')] },
  },
  'centralised-logging': {
    factIds: [CATALOG_FACTS_RETRIEVER],
    conditions: { any: [annotation('readiness.dev/logging'), link('logs')] },
  },
  'metrics-dashboards': {
    factIds: [CATALOG_FACTS_RETRIEVER],
    conditions: {
      any: [
        ...[
          'grafana/dashboard-selector',
          'grafana/overview-dashboard',
          'datadoghq.com/dashboard-url',
          'newrelic.com/dashboard-guid',
          'prometheus.io/rule',
        ].map(annotation),
        link('dashboard'),
      ],
    },
  },
  alerting: {
    factIds: [CATALOG_FACTS_RETRIEVER],
    conditions: {
      any: [
        'prometheus.io/alert',
        'grafana/alert-label-selector',
        'readiness.dev/alerting',
      ].map(annotation),
    },
  },
  'vulnerability-scanning': {
    factIds: [CATALOG_FACTS_RETRIEVER],
    conditions: {
      any: [
        'snyk.io/org-name',
        'sonarqube.org/project-key',
        'readiness.dev/vulnerability-scanning',
      ].map(annotation),
    },
  },
  'secrets-manager': {
    factIds: [CATALOG_FACTS_RETRIEVER],
    conditions: {
      any: ['vault.io/secrets-path', 'readiness.dev/secrets-manager'].map(
        annotation,
      ),
    },
  },
  'access-control': {
    factIds: [CATALOG_FACTS_RETRIEVER],
    conditions: { all: [annotation('readiness.dev/access-control')] },
  },
  'deployment-as-code': {
    factIds: [CATALOG_FACTS_RETRIEVER],
    conditions: {
      any: [
        'backstage.io/kubernetes-id',
        'backstage.io/kubernetes-label-selector',
        'argocd/app-name',
      ].map(annotation),
    },
  },
  techdocs: {
    factIds: [TECHDOCS],
    conditions: {
      any: [
        isTrue('hasAnnotationBackstageIoTechdocsRef'),
        isTrue('hasAnnotationBackstageIoTechdocsEntity'),
      ],
    },
  },
  'dependencies-declared': {
    factIds: [CATALOG_FACTS_RETRIEVER],
    conditions: { any: [isTrue('hasDependsOn'), isTrue('hasConsumesApis')] },
  },
  'distributed-tracing': {
    factIds: [CATALOG_FACTS_RETRIEVER],
    conditions: { any: [annotation('readiness.dev/tracing'), link('traces')] },
  },
  slos: {
    factIds: [CATALOG_FACTS_RETRIEVER],
    conditions: { any: [annotation('readiness.dev/slo'), link('slo')] },
  },
  'dependency-updates': {
    factIds: [CATALOG_FACTS_RETRIEVER],
    conditions: { all: [annotation('readiness.dev/dependency-updates')] },
  },
  'disaster-recovery': {
    factIds: [CATALOG_FACTS_RETRIEVER],
    conditions: {
      any: [
        annotation('readiness.dev/disaster-recovery'),
        link('disaster-recovery'),
      ],
    },
  },
};

export const TECH_INSIGHTS_CHECK_COUNT = Object.keys(CHECKS).length;

/**
 * The `techInsights` configuration: the README's registration of the
 * built-in retrievers (facts kept two weeks), plus the bench's retriever,
 * every six hours and once shortly after start-up; and the checks, each
 * for the entities the scorecard applies to (services and websites).
 */
export function techInsightsConfig(): JsonObject {
  const retriever = {
    cadence: '0 */6 * * *',
    initialDelay: { seconds: 1 },
    lifecycle: { timeToLive: { weeks: 2 } },
  };
  return {
    techInsights: {
      factRetrievers: Object.fromEntries(
        FACT_RETRIEVERS.map(id => [id, retriever]),
      ),
      factChecker: {
        checks: Object.fromEntries(
          Object.entries(CHECKS).map(([id, { factIds, conditions }]) => [
            id,
            {
              type: 'json-rules-engine',
              name: id,
              description: `production-readiness ${id}, catalog evidence`,
              factIds,
              filter: {
                kind: 'component',
                'spec.type': ['service', 'website'],
              },
              rule: { conditions },
            },
          ]),
        ),
      },
    },
  };
}
