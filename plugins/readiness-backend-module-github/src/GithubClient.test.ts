import { GithubClient } from './GithubClient';
import {
  fakeGithub,
  githubError,
  sendGithub,
} from './__testUtils__/fakeGithub';
import {
  sendEndless,
  startTestServer,
} from '@readiness/plugin-readiness-node/testUtils';
import {
  credentials,
  githubClientPerTest,
  inMs,
  repo,
  TOKEN,
} from './__testUtils__/githubClientPerTest';

describe('GithubClient', () => {
  const { start, server } = githubClientPerTest();

  it('sends the documented headers and the credentials of the repository', async () => {
    const client = await start(fakeGithub({ 'acme/payments': {} }));
    const reply = await client.get(repo, '', { deadline: inMs(5000) });

    expect(reply).toMatchObject({
      status: 200,
      body: { full_name: 'acme/payments', default_branch: 'main' },
    });
    expect(server().requests[0].url.pathname).toBe('/repos/acme/payments');
    expect(server().requests[0].headers).toMatchObject({
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      authorization: `Bearer ${TOKEN}`,
    });
    expect(credentials.getCredentials).toHaveBeenCalledWith({
      url: 'https://github.com/acme/payments',
    });
  });

  it.each([
    [{ owner: '..', name: 'x' }, 'the repository owner ".."'],
    [{ owner: 'acme', name: '..' }, 'the repository name ".."'],
    [{ owner: 'acme', name: 'a/../../x' }, 'the repository name "a/../../x"'],
  ])(
    'never lets %j climb out of /repos, sending nothing',
    async (repository, named) => {
      const client = await start(fakeGithub({}));
      await expect(
        client.get(repository, '', { deadline: inMs(5000) }),
      ).rejects.toThrow(`${named} cannot be a path segment of a URL`);
      expect(server().requests).toEqual([]);
    },
  );

  it('stops reading an endless answer at maxResponseBytes, and says why', async () => {
    let written: Promise<number> | undefined;
    const client = await start(
      (_, res) => {
        written = sendEndless(res, `[${'{},'.repeat(20_000)}`);
      },
      { maxResponseBytes: 1024 * 1024 },
    );
    await expect(
      client.get(repo, '', { deadline: inMs(5000) }),
    ).rejects.toThrow(
      'GitHub answered GET /repos/acme/payments with more than 1048576 bytes (readiness.github.maxResponseBytes); the rest was not read',
    );
    expect(await written).toBeLessThan(16 * 1024 * 1024);
  });

  it('returns accepted error statuses with GitHub’s message', async () => {
    const client = await start(fakeGithub({ 'acme/payments': {} }));
    const reply = await client.get(repo, '/branches/main/protection', {
      deadline: inMs(5000),
      accept: [404],
    });
    expect(reply).toMatchObject({
      status: 404,
      message: 'Branch not protected',
    });
  });

  it('follows Link rel="next" across pages', async () => {
    const client = await start(
      fakeGithub(
        {
          'acme/payments': {
            workflows: [1, 2, 3, 4, 5].map(i => ({ path: `w${i}.yml` })),
          },
        },
        { maxPerPage: 2 },
      ),
    );
    const list = await client.list(
      repo,
      '/actions/workflows?per_page=100',
      { deadline: inMs(5000) },
      body => (body as { workflows: unknown[] }).workflows,
    );
    expect(list.items).toHaveLength(5);
    expect(server().requests.map(r => r.url.searchParams.get('page'))).toEqual([
      null,
      '2',
      '3',
    ]);
  });

  it('fails a list longer than maxPages instead of cutting it short', async () => {
    const client = await start(
      fakeGithub(
        { 'acme/payments': { dependabot: ['high', 'high', 'high', 'low'] } },
        { maxPerPage: 1 },
      ),
      { maxPages: 3 },
    );
    await expect(
      client.list(
        repo,
        '/dependabot/alerts?state=open&per_page=100',
        { deadline: inMs(5000) },
        body => body as unknown[],
      ),
    ).rejects.toThrow(
      'GET /repos/acme/payments/dependabot/alerts?state=open&per_page=100 has more than 3 pages (readiness.github.maxPages)',
    );
    expect(server().requests).toHaveLength(3);
  });

  it('does not follow a next page to another origin', async () => {
    const client = await start((_request, response) =>
      sendGithub(response, 200, [], {
        link: '<https://elsewhere.example/steal?page=2>; rel="next"',
      }),
    );
    await expect(
      client.list(repo, '/tags', { deadline: inMs(5000) }, b => b as []),
    ).rejects.toThrow(/next page on https:\/\/elsewhere\.example/);
    expect(server().requests).toHaveLength(1);
  });

  it('gives up on a request that takes longer than the timeout', async () => {
    const client = await start(() => {}, { timeoutMs: 200 });
    await expect(
      client.get(repo, '', { deadline: inMs(5000) }),
    ).rejects.toThrow(
      'GitHub did not answer GET /repos/acme/payments within 200 ms',
    );
  });

  it('gives up at the deadline when it comes before the timeout', async () => {
    const client = await start(() => {}, { timeoutMs: 5000 });
    const started = Date.now();
    await expect(client.get(repo, '', { deadline: inMs(300) })).rejects.toThrow(
      /GitHub did not answer GET \/repos\/acme\/payments within \d+ ms/,
    );
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('stops when the caller’s signal aborts', async () => {
    const client = await start(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(
      client.get(repo, '', { deadline: inMs(5000), signal: controller.signal }),
    ).rejects.toThrow('GET /repos/acme/payments was cancelled');
  });

  it('fails on a server error, naming the status and GitHub’s message', async () => {
    const client = await start((_request, response) =>
      sendGithub(response, 500, githubError(500, 'Server Error')),
    );
    await expect(
      client.get(repo, '', { deadline: inMs(5000), accept: [404] }),
    ).rejects.toThrow(
      'GitHub answered 500 Internal Server Error to GET /repos/acme/payments: Server Error',
    );
  });

  it('fails on malformed JSON', async () => {
    const client = await start((_request, response) =>
      sendGithub(response, 200, '{"default_branch": "main"'),
    );
    await expect(
      client.get(repo, '', { deadline: inMs(5000) }),
    ).rejects.toThrow(
      /GitHub answered GET \/repos\/acme\/payments with malformed JSON/,
    );
  });

  it('fails a page that is not the documented list', async () => {
    const client = await start((_request, response) =>
      sendGithub(response, 200, { message: 'surprise' }),
    );
    await expect(
      client.list(repo, '/tags', { deadline: inMs(5000) }, body =>
        Array.isArray(body) ? body : undefined,
      ),
    ).rejects.toThrow(
      'GitHub answered GET /repos/acme/payments/tags with a payload that is not the documented list',
    );
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const github = fakeGithub({ 'acme/payments': {} });
    const client = await start(
      async (request, response) => {
        await new Promise(resolve => setTimeout(resolve, 30));
        await github(request, response);
      },
      { concurrency: 2 },
    );
    await Promise.all(
      Array.from({ length: 6 }, () =>
        client.get(repo, '', { deadline: inMs(5000) }),
      ),
    );
    expect(server().requests).toHaveLength(6);
    expect(server().maxInFlight).toBe(2);
  });

  it('says when GitHub cannot be reached, and never shows the token', async () => {
    const client = await start(() => {});
    const { baseUrl } = server();
    await server().close();
    const error = await client
      .get(repo, '', { deadline: inMs(5000) })
      .catch(e => e as Error);
    expect(String(error)).toMatch(
      /Could not reach GitHub for GET \/repos\/acme\/payments: .*ECONNREFUSED/,
    );
    expect(String(error)).not.toContain(TOKEN);
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });

  it.each([
    ['', new Error('no installation for acme')],
    [
      ", in its own words rather than its cause's",
      new Error('no installation for acme', {
        cause: new Error('404 Not Found'),
      }),
    ],
  ])('says when the credentials cannot be had%s', async (_, failure) => {
    const client = new GithubClient({
      apiBaseUrl: 'http://127.0.0.1:9',
      host: 'github.com',
      credentials: {
        getCredentials: async () => {
          throw failure;
        },
      },
      concurrency: 1,
      timeoutMs: 1000,
      maxPages: 1,
    });
    await expect(
      client.get(repo, '', { deadline: inMs(5000) }),
    ).rejects.toThrow(
      'Could not get GitHub credentials for github.com/acme/payments: no installation for acme',
    );
  });
});

describe('GithubClient queue', () => {
  it('stops waiting for a free connection when the caller’s signal aborts', async () => {
    const server = await startTestServer(() => {});
    try {
      const client = new GithubClient({
        apiBaseUrl: server.baseUrl,
        host: 'github.com',
        credentials,
        concurrency: 1,
        timeoutMs: 300,
        maxPages: 1,
      });
      const controller = new AbortController();
      const first = client.get(repo, '', { deadline: inMs(5000) });
      const second = client.get(repo, '/tags', {
        deadline: inMs(5000),
        signal: controller.signal,
      });
      controller.abort();
      await expect(second).rejects.toThrow(
        'GET /repos/acme/payments/tags was cancelled',
      );
      await expect(first).rejects.toThrow('did not answer');
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
