import { mockServices } from '@backstage/backend-test-utils';
import {
  sendJson,
  startTestServer,
  TestServer,
} from '@readiness/plugin-readiness-node/testUtils';
import { sonarQube } from './__testUtils__/fakeSonarQube';
import {
  collector,
  component,
  context,
  coverageCollector,
  gateCollector,
  KEY,
} from './__testUtils__/httpCollectorSetup';

describe('HttpCollector', () => {
  let server: TestServer;
  afterEach(() => server?.close());
  const coverage = (overrides: object = {}) =>
    coverageCollector(server.baseUrl, overrides);
  const gate = () => gateCollector(server.baseUrl);

  it('maps SonarQube responses to typed facts', async () => {
    server = await startTestServer(
      sonarQube({
        'acme:payments': { coverage: '87.5', gate: 'OK' },
        'acme:checkout': { gate: 'ERROR' },
      }),
    );
    const payments = component('payments', 'acme:payments');
    await expect(coverage().collect([payments], context())).resolves.toEqual(
      new Map([['component:default/payments', { 'sonarqube.coverage': 87.5 }]]),
    );
    expect(server.requests[0].url.searchParams.get('component')).toBe(
      'acme:payments',
    );
    expect(server.requests[0].headers.authorization).toBe('Bearer s3cret');
    await expect(gate().collect([payments], context())).resolves.toEqual(
      new Map([
        [
          'component:default/payments',
          {
            'sonarqube-gate.passed': true,
            'sonarqube-gate.status': 'OK',
            'sonarqube-gate.conditions': [],
          },
        ],
      ]),
    );
    const checkout = component('checkout', 'acme:checkout');
    expect(
      (await gate().collect([checkout], context())).get(
        'component:default/checkout',
      ),
    ).toMatchObject({ 'sonarqube-gate.passed': false });
    // No coverage measured: the fact is left out, not made up.
    await expect(coverage().collect([checkout], context())).resolves.toEqual(
      new Map([['component:default/checkout', {}]]),
    );
  });

  it('declares its facts and appliesTo, without the paths', () => {
    server = { close: async () => undefined } as TestServer;
    const c = collector({
      id: 'sonarqube',
      appliesTo: { kind: 'component' },
      url: 'https://sonar.example.com/x/{{ metadata.name }}',
      facts: [
        { name: 'sonarqube.a', type: 'number', description: 'A.', path: '$.a' },
      ],
    });
    expect(c.id).toBe('sonarqube');
    expect(c.appliesTo).toEqual({ kind: 'component' });
    expect(c.facts).toEqual([
      { name: 'sonarqube.a', type: 'number', description: 'A.' },
    ]);
  });

  it('throws on a malformed payload', async () => {
    server = await startTestServer((_, res) =>
      sendJson(res, '<html>Maintenance</html>'),
    );
    await expect(
      coverage().collect([component('payments', 'acme:payments')], context()),
    ).rejects.toThrow(/malformed JSON/);
  });

  it('leaves out facts of a well-formed payload of the wrong shape', async () => {
    server = await startTestServer((_, res) =>
      sendJson(res, { component: { measures: [{ value: 'n/a' }] } }),
    );
    await expect(
      coverage().collect([component('payments', 'acme:payments')], context()),
    ).resolves.toEqual(new Map([['component:default/payments', {}]]));
  });

  it('throws naming the template field an entity lacks', async () => {
    server = await startTestServer(sonarQube({}));
    await expect(
      coverage().collect([component('payments')], context()),
    ).rejects.toThrow(`the entity has no value at ${KEY} to fill the template`);
    expect(server.requests).toHaveLength(0);
  });

  it('leaves failed entities out of a batch, and throws only if all fail', async () => {
    server = await startTestServer(sonarQube({ ok: { coverage: '10' } }));
    const logger = mockServices.logger.mock();
    const result = await coverage().collect(
      [component('a', 'ok'), component('b', 'missing'), component('c')],
      { ...context(), logger },
    );
    expect(result).toEqual(
      new Map([['component:default/a', { 'sonarqube.coverage': 10 }]]),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/^component:default\/b: .*answered 404 Not Found/),
    );
    await expect(
      coverage().collect(
        [component('b', 'missing'), component('c')],
        context(),
      ),
    ).rejects.toThrow(/404 Not Found/);
  });

  it('sends a POST body with JSON-escaped values', async () => {
    server = await startTestServer(({ body }, res) =>
      sendJson(res, { data: { service: { tier: JSON.parse(body).name } } }),
    );
    const c = collector({
      id: 'graph',
      url: `${server.baseUrl}/graphql`,
      method: 'POST',
      body: '{"name": "{{ metadata.name }}"}',
      facts: [
        {
          name: 'graph.tier',
          type: 'string',
          description: 'Tier.',
          path: '$.data.service.tier',
        },
      ],
    });
    const result = await c.collect([component('pay"ments')], context());
    expect(result.get('component:default/pay"ments')).toEqual({
      'graph.tier': 'pay"ments',
    });
    expect(server.requests[0].method).toBe('POST');
    expect(server.requests[0].headers['content-type']).toBe('application/json');
  });
});
