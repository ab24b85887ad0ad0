/*
 * A local server answering SonarQube's documented measures endpoint
 * (`GET /api/measures/component?component=KEY&metricKeys=coverage`), for
 * the HTTP collector module of the fresh app to read.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const STUB_COVERAGE = '87.5';

export async function startSonarQubeStub() {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(url.pathname + url.search);
    const component = url.searchParams.get('component');
    if (url.pathname !== '/api/measures/component' || !component) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ msg: 'Unknown url' }] }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        component: {
          key: component,
          measures: [{ metric: 'coverage', value: STUB_COVERAGE }],
        },
      }),
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The fresh app's configuration that turns the HTTP module on against the
 * stub, with a scorecard whose one check that module's fact decides. Only
 * configuration: no code of the app changes.
 */
export function httpCollectorConfig(stubUrl: string, entityName: string) {
  return `readiness:
  http:
    collectors:
      - id: sonarqube
        appliesTo:
          metadata.name: ${entityName}
        url: ${stubUrl}/api/measures/component?component={{ metadata.name }}&metricKeys=coverage
        facts:
          - name: sonarqube.coverage
            type: number
            description: Line coverage in percent
            path: $.component.measures[0].value
  scorecards:
    - inline:
        apiVersion: readiness/v1
        kind: Scorecard
        metadata:
          name: code-quality
          title: Code Quality
          description: Tests cover the code.
        spec:
          appliesTo: { kind: component }
          levels:
            - { id: bronze, title: Bronze }
          categories:
            - { id: testing, title: Testing }
          checks:
            - id: coverage
              title: Line coverage is at least 80%
              category: testing
              level: bronze
              severity: high
              condition: { fact: sonarqube.coverage, gte: 80 }
              remediation:
                text: Raise the line coverage of the main branch to 80%.
`;
}
