import {
  startTestServer,
  TestServer,
  TestServerHandler,
} from '@readiness/plugin-readiness-node/testUtils';

/**
 * Call inside a `describe`: returns `serve(handler)`, which starts a local
 * server for the test (its URL with a trailing slash, as Prometheus' base
 * URL, and the requests it got); the server is closed after each test.
 */
export function testServerPerTest() {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return async (handler: TestServerHandler) => {
    server = await startTestServer(handler);
    return { url: `${server.baseUrl}/`, requests: server.requests };
  };
}
