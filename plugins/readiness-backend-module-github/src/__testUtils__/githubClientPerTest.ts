import {
  startTestServer,
  TestServer,
  TestServerHandler,
} from '@readiness/plugin-readiness-node/testUtils';
import { GithubClient, GithubClientOptions } from '../GithubClient';

export const TOKEN = 'ghp_not-a-real-token';
export const repo = { owner: 'acme', name: 'payments' };

export const credentials = {
  getCredentials: jest.fn(async () => ({
    type: 'token' as const,
    token: TOKEN,
    headers: { Authorization: `Bearer ${TOKEN}` },
  })),
};

/** A deadline `ms` from now. */
export function inMs(ms: number) {
  return new Date(Date.now() + ms);
}

/**
 * For a describe block: `start` serves `handler` on 127.0.0.1 and returns a
 * client of it (closed after each test); `server()` is the running test's.
 */
export function githubClientPerTest() {
  let current: TestServer | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    async start(
      handler: TestServerHandler,
      options: Partial<GithubClientOptions> = {},
    ) {
      current = await startTestServer(handler);
      return new GithubClient({
        apiBaseUrl: `${current.baseUrl}/`,
        host: 'github.com',
        credentials,
        concurrency: 4,
        timeoutMs: 2000,
        maxPages: 10,
        ...options,
      });
    },
    server(): TestServer {
      if (!current) {
        throw new Error('No server was started in this test');
      }
      return current;
    },
  };
}
