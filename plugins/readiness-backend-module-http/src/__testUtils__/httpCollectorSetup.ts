import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { HttpCollector } from '../HttpCollector';
import { readHttpCollectorConfig } from '../readHttpCollectorConfig';
import type { Entity } from '../types';

export const KEY = "metadata.annotations['sonarqube.org/project-key']";

export const component = (name: string, projectKey?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    annotations: projectKey
      ? { 'sonarqube.org/project-key': projectKey }
      : undefined,
  },
  spec: { type: 'service', owner: 'team-payments' },
});

export function context(deadlineMs = 10_000) {
  return {
    logger: mockServices.logger.mock(),
    signal: new AbortController().signal,
    deadline: new Date(Date.now() + deadlineMs),
  };
}

/** A collector from config, as the module makes it. */
export function collector(entry: object): HttpCollector {
  const [spec] = readHttpCollectorConfig(
    new ConfigReader({ readiness: { http: { collectors: [entry] } } }),
  );
  return new HttpCollector(spec);
}

/** The SonarQube coverage collector of the README, against `baseUrl`. */
export const coverageCollector = (baseUrl: string, overrides: object = {}) =>
  collector({
    id: 'sonarqube',
    appliesTo: {
      'metadata.annotations.sonarqube.org/project-key': { $exists: true },
    },
    url: `${baseUrl}/api/measures/component?component={{ ${KEY} }}&metricKeys=coverage`,
    headers: { Authorization: 'Bearer s3cret' },
    retries: 1,
    facts: [
      {
        name: 'sonarqube.coverage',
        type: 'number',
        description: 'Line coverage, in percent.',
        path: '$.component.measures[0].value',
      },
    ],
    ...overrides,
  });

/** The SonarQube quality-gate collector of the README, against `baseUrl`. */
export const gateCollector = (baseUrl: string) =>
  collector({
    id: 'sonarqube-gate',
    url: `${baseUrl}/api/qualitygates/project_status?projectKey={{ ${KEY} }}`,
    facts: [
      {
        name: 'sonarqube-gate.passed',
        type: 'boolean',
        description: 'The quality gate passes.',
        path: '$.projectStatus.status',
        equals: 'OK',
      },
      {
        name: 'sonarqube-gate.status',
        type: 'string',
        description: 'The quality gate status.',
        path: '$.projectStatus.status',
      },
      {
        name: 'sonarqube-gate.conditions',
        type: 'string-list',
        description: 'Failing conditions.',
        path: '$.projectStatus.conditions[*].metricKey',
      },
    ],
  });
