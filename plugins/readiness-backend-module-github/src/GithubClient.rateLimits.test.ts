import { mockServices } from '@backstage/backend-test-utils';
import {
  fakeGithub,
  githubError,
  sendGithub,
} from './__testUtils__/fakeGithub';
import {
  githubClientPerTest,
  inMs,
  repo,
} from './__testUtils__/githubClientPerTest';

describe('GithubClient rate limits', () => {
  const { start, server } = githubClientPerTest();

  it('waits out a primary rate limit (403, x-ratelimit-remaining 0) for every caller, then succeeds', async () => {
    const reset = Math.ceil(Date.now() / 1000) + 1;
    let limited = true;
    const github = fakeGithub({ 'acme/payments': {} });
    const client = await start((request, response) => {
      if (limited && Date.now() < reset * 1000) {
        limited = false;
        return sendGithub(
          response,
          403,
          githubError(
            403,
            'API rate limit exceeded for user ID 1.',
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
          ),
          { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
        );
      }
      return github(request, response);
    });
    const logger = mockServices.logger.mock();

    const first = client.get(repo, '', { deadline: inMs(5000), logger });
    // Let the first request be refused before a second caller asks.
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(client.rateLimitedUntil).toEqual(new Date(reset * 1000));
    const second = client.get(repo, '/tags', { deadline: inMs(5000) });

    await expect(first).resolves.toMatchObject({ status: 200 });
    await expect(second).resolves.toMatchObject({ status: 200 });
    const [, ...after] = server().requests;
    expect(after).toHaveLength(2);
    for (const request of after) {
      expect(request.at).toBeGreaterThanOrEqual(reset * 1000);
    }
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('GitHub rate limit reached; waiting until'),
    );
  });

  it('fails naming the reset time when the rate limit outlasts the deadline, and sends nothing more', async () => {
    const reset = Math.ceil(Date.now() / 1000) + 3600;
    const client = await start((_request, response) =>
      sendGithub(
        response,
        403,
        githubError(403, 'API rate limit exceeded for user ID 1.'),
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      ),
    );
    const resetTime = new Date(reset * 1000).toISOString();

    await expect(
      client.get(repo, '', { deadline: inMs(5000) }),
    ).rejects.toThrow(`GitHub rate limited until ${resetTime}`);
    await expect(
      client.get(repo, '/tags', { deadline: inMs(5000) }),
    ).rejects.toThrow(`GitHub rate limited until ${resetTime}`);
    expect(server().requests).toHaveLength(1);
  });

  it('waits out a secondary rate limit (429 with retry-after)', async () => {
    let refused = 0;
    const github = fakeGithub({ 'acme/payments': {} });
    const client = await start((request, response) => {
      if (refused === 0) {
        refused += 1;
        return sendGithub(
          response,
          429,
          githubError(
            429,
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          ),
          { 'retry-after': '1' },
        );
      }
      return github(request, response);
    });

    await expect(
      client.get(repo, '', { deadline: inMs(5000) }),
    ).resolves.toMatchObject({ status: 200 });
    const [first, second] = server().requests;
    expect(second.at - first.at).toBeGreaterThanOrEqual(950);
  });

  it('treats a secondary rate limit without retry-after as a minute, beyond a short deadline', async () => {
    const client = await start((_request, response) =>
      sendGithub(
        response,
        403,
        githubError(
          403,
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        ),
      ),
    );
    await expect(
      client.get(repo, '', { deadline: inMs(5000) }),
    ).rejects.toThrow(/GitHub rate limited until .*after this run's deadline/);
  });

  it('holds requests back when a success spent the last request of the window', async () => {
    const reset = Math.ceil(Date.now() / 1000) + 3600;
    const client = await start((_request, response) =>
      sendGithub(
        response,
        200,
        {},
        {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(reset),
        },
      ),
    );
    await expect(
      client.get(repo, '', { deadline: inMs(5000) }),
    ).resolves.toMatchObject({ status: 200 });
    await expect(
      client.get(repo, '', { deadline: inMs(5000) }),
    ).rejects.toThrow('GitHub rate limited until');
    expect(server().requests).toHaveLength(1);
  });

  it('does not take a 403 for lack of permission as a rate limit', async () => {
    const client = await start(
      fakeGithub({ 'acme/payments': { dependabot: 'disabled' } }),
    );
    await expect(
      client.get(repo, '/dependabot/alerts', { deadline: inMs(5000) }),
    ).rejects.toThrow(
      'GitHub answered 403 Forbidden to GET /repos/acme/payments/dependabot/alerts: Dependabot alerts are disabled for this repository.',
    );
    expect(client.rateLimitedUntil).toBeUndefined();
  });

  it('does not take a 403 whose only sign is an unreadable retry-after as a rate limit', async () => {
    const client = await start((_, res) =>
      sendGithub(res, 403, githubError(403, 'Resource not accessible'), {
        'retry-after': 'soon',
      }),
    );
    await expect(
      client.get(repo, '', { deadline: inMs(5000) }),
    ).rejects.toThrow(
      'GitHub answered 403 Forbidden to GET /repos/acme/payments: Resource not accessible',
    );
    expect(server().requests).toHaveLength(1);
    expect(client.rateLimitedUntil).toBeUndefined();
  });
});
