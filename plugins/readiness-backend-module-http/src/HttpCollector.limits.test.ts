import { recordSends } from './__testUtils__/recordSends';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  sendEndless,
  sendJson,
  startTestServer,
  TestServer,
} from '@readiness/plugin-readiness-node/testUtils';
import { sonarQube } from './__testUtils__/fakeSonarQube';
import {
  component,
  context,
  coverageCollector,
} from './__testUtils__/httpCollectorSetup';

describe('HttpCollector limits', () => {
  let server: TestServer;
  afterEach(() => server?.close());
  const coverage = (overrides: object = {}) =>
    coverageCollector(server.baseUrl, overrides);

  it('honours 429 Retry-After, then succeeds', async () => {
    const sonar = sonarQube({ 'acme:payments': { coverage: '50' } });
    server = await startTestServer((req, res) =>
      server.requests.length === 1
        ? sendJson(res, { errors: [] }, 429, { 'retry-after': '1' })
        : sonar(req, res),
    );
    const result = await coverage().collect(
      [component('payments', 'acme:payments')],
      context(),
    );
    expect(result.get('component:default/payments')).toEqual({
      'sonarqube.coverage': 50,
    });
    expect(
      server.requests[1].at - server.requests[0].at,
    ).toBeGreaterThanOrEqual(950);
  });

  it('keeps to the rate limit across entities and batches', async () => {
    const projects = Object.fromEntries(
      [0, 1, 2, 3, 4].map(i => [`p${i}`, { coverage: `${i}` }]),
    );
    server = await startTestServer(sonarQube(projects));
    const c = coverage({ rateLimit: { requests: 20, per: '1s' } });
    const entities = Object.keys(projects).map(k => component(k, k));
    // As the backend calls it: one entity per call, several calls at once.
    const sends = recordSends();
    const results = await Promise.all(
      entities.map(e => c.collect([e], context())),
    ).finally(sends.restore);
    expect(results.map(r => [...r.values()][0])).toEqual(
      [0, 1, 2, 3, 4].map(i => ({ 'sonarqube.coverage': i })),
    );
    // 50 ms apart; timers may fire a millisecond early, never much more.
    for (let i = 1; i < sends.times.length; i++) {
      expect(sends.times[i] - sends.times[i - 1]).toBeGreaterThanOrEqual(48);
    }
    expect(sends.times).toHaveLength(5);
  });

  it('throws naming the timeout', async () => {
    server = await startTestServer(async (_, res) => {
      await sleep(1000);
      sendJson(res, {});
    });
    await expect(
      coverage({ timeout: '100ms', retries: 0 }).collect(
        [component('payments', 'acme:payments')],
        context(),
      ),
    ).rejects.toThrow(/\/api\/measures\/component timed out after 100 ms/);
  });

  it('throws naming the status once retries are spent', async () => {
    server = await startTestServer((_, res) => sendJson(res, {}, 500));
    const error: Error = await coverage()
      .collect([component('payments', 'acme:payments')], context())
      .then(
        () => new Error('expected a failure'),
        e => e,
      );
    expect(error.message).toMatch(
      /answered 500 Internal Server Error \(2 attempts\)$/,
    );
    expect(error.message).not.toContain('s3cret');
    expect(server.requests).toHaveLength(2);
  });

  it('stops at the deadline', async () => {
    server = await startTestServer(async (_, res) => {
      await sleep(1000);
      sendJson(res, {});
    });
    await expect(
      coverage().collect([component('a', 'a')], context(100)),
    ).rejects.toThrow(/stopped: the deadline passed/);
  });

  it('stops reading an endless response at maxResponseBytes, and says why', async () => {
    let written: Promise<number> | undefined;
    server = await startTestServer((_, res) => {
      written = sendEndless(res, `[${'1,'.repeat(32 * 1024)}`);
    });
    await expect(
      coverage({ maxResponseBytes: 1024 * 1024 }).collect(
        [component('payments', 'acme:payments')],
        context(),
      ),
    ).rejects.toThrow(
      /answered more than 1048576 bytes \(maxResponseBytes\); the rest was not read \(1 attempt\)/,
    );
    expect(await written).toBeLessThan(16 * 1024 * 1024);
  });
});
