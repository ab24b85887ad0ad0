import {
  sendJson,
  startTestServer,
  TestServer,
} from '@readiness/plugin-readiness-node/testUtils';
import {
  component,
  context,
  coverageCollector,
  KEY,
} from './__testUtils__/httpCollectorSetup';

describe('HttpCollector URL safety', () => {
  let server: TestServer;
  afterEach(() => server?.close());
  const coverage = (overrides: object = {}) =>
    coverageCollector(server.baseUrl, overrides);

  describe('with an annotation that tries to leave its place in the URL', () => {
    const byPath = () =>
      coverage({
        url: `${server.baseUrl}/api/projects/{{ ${KEY} }}/status?key={{ ${KEY} }}`,
      });

    it.each(['..', '.', '../admin', 'a/b', '..\\admin'])(
      'sends no request for %j and says why',
      async projectKey => {
        server = await startTestServer((_, res) => sendJson(res, {}));
        await expect(
          byPath().collect([component('payments', projectKey)], context()),
        ).rejects.toThrow(
          `the value at ${KEY} ${JSON.stringify(
            projectKey,
          )} cannot be a path segment of a URL`,
        );
        expect(server.requests).toEqual([]);
      },
    );

    it.each([
      '%2e%2e',
      '%2E%2E%2Fadmin',
      '..%2f..',
      'evil.example.com@127.0.0.1',
      'x#fragment',
      'x?admin=true',
      'x&key=other',
    ])('sends %j only to its own path and query value', async projectKey => {
      server = await startTestServer((_, res) =>
        sendJson(res, { component: { measures: [{ value: '1' }] } }),
      );
      await byPath().collect([component('payments', projectKey)], context());
      expect(server.requests).toHaveLength(1);
      const [request] = server.requests;
      expect(request.url.pathname).toBe(
        `/api/projects/${encodeURIComponent(projectKey)}/status`,
      );
      expect([...request.url.searchParams]).toEqual([['key', projectKey]]);
    });
  });
});
