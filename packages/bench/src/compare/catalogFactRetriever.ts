import { createBackendModule } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  FactRetriever,
  techInsightsFactRetrieversExtensionPoint,
} from '@backstage-community/plugin-tech-insights-node';

/**
 * Annotations and link types that the catalog-derived checks of the
 * production-readiness scorecard read, and that Tech Insights' built-in
 * fact retrievers do not report.
 */
/** Annotations that name an entity's CI pipeline. */
export const CI_ANNOTATIONS = [
  'github.com/project-slug',
  'gitlab.com/project-slug',
  'buildkite.com/project-slug',
  'circleci.com/project-slug',
  'jenkins.io/job-full-name',
  'tekton.dev/cicd',
  'dev.azure.com/build-definition',
];

export const ANNOTATIONS = [
  'backstage.io/source-location',
  ...CI_ANNOTATIONS,
  'pagerduty.com/service-id',
  'pagerduty.com/integration-key',
  'opsgenie.com/component-selector',
  'opsgenie.com/team',
  'splunk.com/on-call-team',
  'splunk.com/on-call-routing-key',
  'readiness.dev/escalation-policy',
  'readiness.dev/logging',
  'grafana/dashboard-selector',
  'grafana/overview-dashboard',
  'datadoghq.com/dashboard-url',
  'newrelic.com/dashboard-guid',
  'prometheus.io/rule',
  'prometheus.io/alert',
  'grafana/alert-label-selector',
  'readiness.dev/alerting',
  'snyk.io/org-name',
  'sonarqube.org/project-key',
  'readiness.dev/vulnerability-scanning',
  'vault.io/secrets-path',
  'readiness.dev/secrets-manager',
  'readiness.dev/access-control',
  'backstage.io/kubernetes-id',
  'backstage.io/kubernetes-label-selector',
  'argocd/app-name',
  'readiness.dev/tracing',
  'readiness.dev/disaster-recovery',
  'readiness.dev/slo',
  'readiness.dev/dependency-updates',
];

export const LINK_TYPES = [
  'on-call',
  'escalation',
  'runbook',
  'logs',
  'dashboard',
  'traces',
  'disaster-recovery',
  'slo',
];

/** `pagerduty.com/service-id` → `hasAnnotationPagerdutyComServiceId`. */
export function factName(prefix: string, key: string): string {
  return (
    prefix +
    key
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .map(word => word[0].toUpperCase() + word.slice(1))
      .join('')
  );
}

export const annotationFact = (key: string) => factName('hasAnnotation', key);
export const linkFact = (type: string) => factName('hasLink', type);

export const CATALOG_FACTS_RETRIEVER = 'readinessCatalogFactRetriever';

function catalogFacts(entity: Entity) {
  const annotations = entity.metadata.annotations ?? {};
  const linkTypes = new Set(
    (entity.metadata.links ?? []).map(link => link.type?.toLowerCase()),
  );
  const facts: Record<string, boolean | string> = {
    lifecycle: String(entity.spec?.lifecycle ?? ''),
    hasSystem: Boolean(entity.spec?.system),
    hasDependsOn: [entity.spec?.dependsOn ?? []].flat().length > 0,
    hasConsumesApis: [entity.spec?.consumesApis ?? []].flat().length > 0,
  };
  for (const key of ANNOTATIONS) {
    facts[annotationFact(key)] = Boolean(annotations[key]);
  }
  for (const type of LINK_TYPES) {
    facts[linkFact(type)] = linkTypes.has(type);
  }
  return facts;
}

/**
 * A Tech Insights fact retriever for the annotations, links, lifecycle,
 * system and dependencies the built-in retrievers lack. It reads the
 * catalog the way the built-ins do: `GET /entities` with a filter, with the
 * plugin's own token.
 */
export const readinessCatalogFactRetriever: FactRetriever = {
  id: CATALOG_FACTS_RETRIEVER,
  version: '0.1.0',
  title: 'Catalog facts of the production-readiness scorecard',
  description:
    'Annotations, link types, lifecycle, system and dependencies of services and websites',
  entityFilter: [{ kind: 'component', 'spec.type': ['service', 'website'] }],
  schema: {
    lifecycle: { type: 'string', description: 'spec.lifecycle' },
    hasSystem: { type: 'boolean', description: 'spec.system is set' },
    hasDependsOn: { type: 'boolean', description: 'spec.dependsOn is set' },
    hasConsumesApis: {
      type: 'boolean',
      description: 'spec.consumesApis is set',
    },
    ...Object.fromEntries(
      ANNOTATIONS.map(key => [
        annotationFact(key),
        { type: 'boolean', description: `The ${key} annotation is set` },
      ]),
    ),
    ...Object.fromEntries(
      LINK_TYPES.map(type => [
        linkFact(type),
        { type: 'boolean', description: `A link of type ${type}` },
      ]),
    ),
  },
  async handler({ discovery, auth }) {
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'catalog',
    });
    const url = new URL(`${await discovery.getBaseUrl('catalog')}/entities`);
    url.searchParams.append('filter', 'kind=component,spec.type=service');
    url.searchParams.append('filter', 'kind=component,spec.type=website');
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) {
      throw new Error(`Catalog answered ${response.status}`);
    }
    const entities: Entity[] = await response.json();
    return entities.map(entity => ({
      entity: {
        namespace: entity.metadata.namespace ?? 'default',
        kind: entity.kind,
        name: entity.metadata.name,
      },
      facts: catalogFacts(entity),
    }));
  },
};

/** Registers the retriever with Tech Insights. */
export const techInsightsCatalogFactsModule = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'readiness-bench-catalog-facts',
  register(env) {
    env.registerInit({
      deps: { retrievers: techInsightsFactRetrieversExtensionPoint },
      async init({ retrievers }) {
        retrievers.addFactRetrievers({
          [CATALOG_FACTS_RETRIEVER]: readinessCatalogFactRetriever,
        });
      },
    });
  },
});
