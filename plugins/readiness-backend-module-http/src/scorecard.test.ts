import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import {
  evaluateScorecard,
  FactSet,
  parseScorecardFile,
} from '@readiness/plugin-readiness-common';
import { HttpCollector } from './HttpCollector';
import { readHttpCollectorConfig } from './readHttpCollectorConfig';
import {
  startTestServer,
  TestServer,
} from '@readiness/plugin-readiness-node/testUtils';
import { sonarQube } from './__testUtils__/fakeSonarQube';
import type { Entity } from './types';

const KEY = "metadata.annotations['sonarqube.org/project-key']";

/** The scorecard of the docs, over the facts of the SonarQube example. */
const SCORECARD = `
apiVersion: readiness/v1
kind: Scorecard
metadata:
  name: code-quality
  title: Code quality
  description: Services are tested and pass their quality gate.
spec:
  appliesTo: { kind: component }
  levels: [{ id: bronze, title: Bronze }, { id: silver, title: Silver }]
  categories: [{ id: testing, title: Testing }]
  checks:
    - id: quality-gate
      title: Passes its SonarQube quality gate
      category: testing
      level: bronze
      severity: high
      condition: { fact: sonarqube-gate.passed, equals: true }
      remediation:
        text: Fix what the quality gate reports in SonarQube.
    - id: coverage-80
      title: At least 80% line coverage
      category: testing
      level: silver
      severity: medium
      condition: { fact: sonarqube.coverage, gte: 80, maxAge: 7d }
      remediation:
        text: Add tests until SonarQube reports 80% line coverage.
`;

describe('a scorecard over HTTP facts', () => {
  let server: TestServer;
  afterEach(() => server.close());

  it('passes, fails or is unknown from what the collectors observed', async () => {
    server = await startTestServer(
      sonarQube({
        'acme:payments': { coverage: '87.5', gate: 'OK' },
        'acme:checkout': { gate: 'ERROR' },
      }),
    );
    const fact = (name: string, type: string, path: string, more = {}) => ({
      name,
      type,
      description: name,
      path,
      ...more,
    });
    const collectors = readHttpCollectorConfig(
      new ConfigReader({
        readiness: {
          http: {
            collectors: [
              {
                id: 'sonarqube',
                url: `${server.baseUrl}/api/measures/component?component={{ ${KEY} }}&metricKeys=coverage`,
                facts: [
                  fact(
                    'sonarqube.coverage',
                    'number',
                    '$.component.measures[0].value',
                  ),
                ],
              },
              {
                id: 'sonarqube-gate',
                url: `${server.baseUrl}/api/qualitygates/project_status?projectKey={{ ${KEY} }}`,
                facts: [
                  fact(
                    'sonarqube-gate.passed',
                    'boolean',
                    '$.projectStatus.status',
                    {
                      equals: 'OK',
                    },
                  ),
                ],
              },
            ],
          },
        },
      }),
    ).map(spec => new HttpCollector(spec));
    const { scorecards, problems } = parseScorecardFile(SCORECARD, {
      source: 'code-quality.yaml',
      knownFacts: collectors.flatMap(c => c.facts),
    });
    expect(problems).toEqual([]);

    const now = new Date();
    /** What the backend does with the collected values. */
    async function evaluate(entity: Entity) {
      const facts: FactSet = {};
      for (const collector of collectors) {
        const collected = await collector.collect([entity], {
          logger: mockServices.logger.mock(),
          signal: new AbortController().signal,
          deadline: new Date(Date.now() + 5000),
        });
        const values = [...collected.values()][0] ?? {};
        for (const { name } of collector.facts) {
          facts[name] =
            name in values
              ? {
                  value: values[name],
                  source: collector.id,
                  observedAt: now.toISOString(),
                }
              : {
                  source: collector.id,
                  reason: `collector ${collector.id} returned no valid value`,
                };
        }
      }
      const result = evaluateScorecard(scorecards[0], entity, facts, now);
      return Object.fromEntries(result.checks.map(c => [c.id, c.status]));
    }
    const service = (name: string): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        annotations: { 'sonarqube.org/project-key': `acme:${name}` },
      },
    });

    await expect(evaluate(service('payments'))).resolves.toEqual({
      'quality-gate': 'pass',
      'coverage-80': 'pass',
    });
    // No coverage measured: unknown, not a fail.
    await expect(evaluate(service('checkout'))).resolves.toEqual({
      'quality-gate': 'fail',
      'coverage-80': 'unknown',
    });
  });
});
