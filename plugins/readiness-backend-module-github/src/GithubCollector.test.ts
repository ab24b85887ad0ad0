import { mockServices } from '@backstage/backend-test-utils';
import { checkCollectedFacts } from '@readiness/plugin-readiness-node';
import { GithubClient } from './GithubClient';
import { Entity, GithubCollector } from './GithubCollector';
import {
  FakeGithubOptions,
  FakeRepository,
  fakeGithub,
  githubError,
  sendGithub,
} from './__testUtils__/fakeGithub';
import {
  startTestServer,
  TestServer,
  TestServerHandler,
} from '@readiness/plugin-readiness-node/testUtils';

function entity(name: string, slug?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: slug ? { 'github.com/project-slug': slug } : {},
    },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

const credentials = {
  getCredentials: async () => ({
    type: 'token' as const,
    token: 'ghp_not-a-real-token',
    headers: { Authorization: 'Bearer ghp_not-a-real-token' },
  }),
};

const PROTECTED: FakeRepository = {
  protection: {
    reviews: 2,
    contexts: ['ci/build'],
    checks: ['ci/build', 'ci/test'],
  },
  codeownersErrors: [],
  workflows: [
    { path: '.github/workflows/ci.yml' },
    { path: '.github/workflows/old.yml', state: 'disabled_manually' },
    { path: '.github/workflows/release.yml' },
  ],
  runs: [{ conclusion: 'success' }, { conclusion: 'failure' }],
  dependabot: ['critical', 'high', 'medium'],
  codeScanning: ['high', null, 'low'],
  releases: ['v2.1.0', 'v2.0.0'],
  tags: ['v2.1.0'],
};

describe('GithubCollector', () => {
  let server: TestServer | undefined;
  const logger = mockServices.logger.mock();

  afterEach(async () => {
    await server?.close();
    server = undefined;
    jest.clearAllMocks();
  });

  async function start(handler: TestServerHandler, timeoutMs = 1000) {
    server = await startTestServer(handler);
    return new GithubCollector(
      new GithubClient({
        apiBaseUrl: server.baseUrl,
        host: 'github.com',
        credentials,
        concurrency: 4,
        timeoutMs,
        maxPages: 10,
      }),
    );
  }

  function startGithub(
    repositories: Record<string, FakeRepository>,
    options?: FakeGithubOptions,
  ) {
    return start(fakeGithub(repositories, options));
  }

  function collect(collector: GithubCollector, entities: Entity[]) {
    return collector.collect(entities, {
      logger,
      signal: new AbortController().signal,
      deadline: new Date(Date.now() + 5000),
    });
  }

  async function collectOne(collector: GithubCollector, slug: string) {
    const facts = await collect(collector, [entity('payments', slug)]);
    return facts.get('component:default/payments');
  }

  it('observes a protected repository with reviews, checks, workflows, alerts and a release', async () => {
    const collector = await startGithub({ 'acme/payments': PROTECTED });
    const facts = await collectOne(collector, 'acme/payments');

    expect(facts).toEqual({
      'github.defaultBranchProtected': true,
      'github.requiredReviews': 2,
      'github.requiredStatusChecks': ['ci/build', 'ci/test'],
      'github.codeowners': true,
      'github.workflows': [
        '.github/workflows/ci.yml',
        '.github/workflows/release.yml',
      ],
      'github.lastRunSucceeded': true,
      'github.criticalAlerts': 1,
      'github.highAlerts': 2,
      'github.latestRelease': 'v2.1.0',
    });
    expect(checkCollectedFacts(collector, facts).problems).toEqual([]);
    const paths = server!.requests.map(r => r.url.pathname + r.url.search);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/repos/acme/payments',
        '/repos/acme/payments/branches/main/protection',
        '/repos/acme/payments/codeowners/errors?ref=main',
        '/repos/acme/payments/actions/workflows?per_page=100',
        '/repos/acme/payments/actions/runs?branch=main&status=completed&per_page=1',
        '/repos/acme/payments/dependabot/alerts?state=open&per_page=100',
        '/repos/acme/payments/code-scanning/alerts?state=open&per_page=100',
        '/repos/acme/payments/releases/latest',
      ]),
    );
    // A release was found: the tags are not asked for.
    expect(paths).not.toContain('/repos/acme/payments/tags?per_page=1');
  });

  it('reads an unprotected branch (404 "Branch not protected") as no protection, no reviews, no checks', async () => {
    const collector = await startGithub({
      'acme/bare': { defaultBranch: 'trunk', tags: ['0.1.0'] },
    });
    const facts = await collectOne(collector, 'acme/bare');

    expect(facts).toEqual({
      'github.defaultBranchProtected': false,
      'github.requiredReviews': 0,
      'github.requiredStatusChecks': [],
      'github.codeowners': false,
      'github.workflows': [],
      'github.lastRunSucceeded': null,
      'github.criticalAlerts': 0,
      'github.highAlerts': 0,
      'github.latestRelease': '0.1.0',
    });
    expect(server!.requests.map(r => r.url.pathname)).toContain(
      '/repos/acme/bare/branches/trunk/protection',
    );
  });

  it('says null when there is neither a release nor a tag, and false for CODEOWNERS with errors or a failed last run', async () => {
    const collector = await startGithub({
      'acme/x': {
        codeownersErrors: ['Unknown owner on line 1'],
        runs: [{ conclusion: 'failure' }],
      },
    });
    expect(await collectOne(collector, 'acme/x')).toMatchObject({
      'github.codeowners': false,
      'github.lastRunSucceeded': false,
      'github.latestRelease': null,
    });
  });

  it('counts alerts across pages, following Link headers', async () => {
    const collector = await startGithub(
      {
        'acme/payments': {
          dependabot: ['critical', 'high', 'critical', 'low', 'high', 'high'],
          codeScanning: ['critical', 'high', 'medium', 'critical', null],
        },
      },
      { maxPerPage: 2 },
    );
    const facts = await collectOne(collector, 'acme/payments');

    expect(facts).toMatchObject({
      'github.criticalAlerts': 4,
      'github.highAlerts': 4,
    });
    const dependabotPages = server!.requests.filter(r =>
      r.url.pathname.endsWith('/dependabot/alerts'),
    );
    expect(dependabotPages.map(r => r.url.searchParams.get('after'))).toEqual([
      null,
      expect.any(String),
      expect.any(String),
    ]);
    const codeScanningPages = server!.requests.filter(r =>
      r.url.pathname.endsWith('/code-scanning/alerts'),
    );
    expect(codeScanningPages.map(r => r.url.searchParams.get('page'))).toEqual([
      null,
      '2',
      '3',
    ]);
  });

  it('leaves the alert counts out, never 0, when Dependabot alerts are refused (403)', async () => {
    const collector = await startGithub({
      'acme/payments': { ...PROTECTED, dependabot: 'disabled' },
    });
    const facts = await collectOne(collector, 'acme/payments');

    expect(facts).not.toHaveProperty('github.criticalAlerts');
    expect(facts).not.toHaveProperty('github.highAlerts');
    expect(facts).toMatchObject({
      'github.defaultBranchProtected': true,
      'github.latestRelease': 'v2.1.0',
    });
    expect(logger.info).toHaveBeenCalledWith(
      'GitHub answered 403 (Dependabot alerts are disabled for this repository.) for the Dependabot alerts of acme/payments; those facts are left out',
    );
  });

  it('leaves the alert counts out when code scanning has no analysis (404)', async () => {
    const collector = await startGithub({
      'acme/payments': { ...PROTECTED, codeScanning: 'no-analysis' },
    });
    const facts = await collectOne(collector, 'acme/payments');
    expect(facts).not.toHaveProperty('github.criticalAlerts');
    expect(facts).not.toHaveProperty('github.highAlerts');
  });

  it('leaves the protection facts out when the credentials may not read branch protection', async () => {
    const github = fakeGithub({ 'acme/payments': PROTECTED });
    const collector = await start((request, response) => {
      if (request.url.pathname.endsWith('/protection')) {
        return sendGithub(
          response,
          403,
          githubError(403, 'Resource not accessible by integration'),
        );
      }
      return github(request, response);
    });
    const facts = await collectOne(collector, 'acme/payments');
    expect(Object.keys(facts!).sort()).toEqual([
      'github.codeowners',
      'github.criticalAlerts',
      'github.highAlerts',
      'github.lastRunSucceeded',
      'github.latestRelease',
      'github.workflows',
    ]);
  });

  it('fails when the repository does not exist or cannot be read', async () => {
    const collector = await startGithub({});
    await expect(collectOne(collector, 'acme/gone')).rejects.toThrow(
      'GitHub has no repository acme/gone that these credentials can read (404 Not Found)',
    );
  });

  it('fails on a server error, naming the status', async () => {
    const github = fakeGithub({ 'acme/payments': PROTECTED });
    const collector = await start((request, response) => {
      if (request.url.pathname.endsWith('/actions/workflows')) {
        return sendGithub(response, 502, githubError(502, 'Server Error'));
      }
      return github(request, response);
    });
    await expect(collectOne(collector, 'acme/payments')).rejects.toThrow(
      'GitHub answered 502 Bad Gateway to GET /repos/acme/payments/actions/workflows?per_page=100: Server Error',
    );
  });

  it('fails on a payload that is not what GitHub documents', async () => {
    const github = fakeGithub({ 'acme/payments': PROTECTED });
    const collector = await start((request, response) => {
      if (request.url.pathname.endsWith('/protection')) {
        return sendGithub(response, 200, {
          required_pull_request_reviews: {
            required_approving_review_count: 'two',
          },
        });
      }
      return github(request, response);
    });
    await expect(collectOne(collector, 'acme/payments')).rejects.toThrow(
      'GitHub answered for acme/payments with an unexpected payload: required_pull_request_reviews.required_approving_review_count is not a count',
    );
  });

  it('fails on malformed JSON', async () => {
    const github = fakeGithub({ 'acme/payments': PROTECTED });
    const collector = await start((request, response) => {
      if (request.url.pathname.endsWith('/releases/latest')) {
        return sendGithub(response, 200, '{"tag_name": ');
      }
      return github(request, response);
    });
    await expect(collectOne(collector, 'acme/payments')).rejects.toThrow(
      /GitHub answered GET \/repos\/acme\/payments\/releases\/latest with malformed JSON/,
    );
  });

  it('fails when GitHub does not answer in time', async () => {
    const github = fakeGithub({ 'acme/payments': PROTECTED });
    const collector = await start((request, response) => {
      // The CODEOWNERS request is never answered.
      return request.url.pathname.endsWith('/codeowners/errors')
        ? undefined
        : github(request, response);
    }, 300);
    await expect(collectOne(collector, 'acme/payments')).rejects.toThrow(
      'GitHub did not answer GET /repos/acme/payments/codeowners/errors?ref=main within 300 ms',
    );
  });

  it('fails naming the time when rate limited beyond the deadline', async () => {
    const reset = Math.ceil(Date.now() / 1000) + 600;
    const collector = await start((_request, response) =>
      sendGithub(
        response,
        403,
        githubError(403, 'API rate limit exceeded for user ID 1.'),
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      ),
    );
    await expect(collectOne(collector, 'acme/payments')).rejects.toThrow(
      `GitHub rate limited until ${new Date(reset * 1000).toISOString()}`,
    );
  });

  it('fails on a slug that is not owner/repository', async () => {
    const collector = await startGithub({});
    await expect(
      collectOne(collector, 'https://github.com/acme/x'),
    ).rejects.toThrow(
      'github.com/project-slug "https://github.com/acme/x" is not <owner>/<repository>',
    );
    expect(server!.requests).toHaveLength(0);
  });

  it.each([
    '../..',
    'acme/..',
    '%2e%2e/%2e%2e',
    'acme/payments%2f..',
    'evil.example@acme/payments',
    'acme/payments#x',
    'acme/payments?x=1',
    '//evil.example/acme',
    'acme/payments/../../users',
  ])('sends no request for the slug %j and says why', async slug => {
    const collector = await startGithub({ 'acme/payments': PROTECTED });
    await expect(collectOne(collector, slug)).rejects.toThrow(
      `github.com/project-slug ${JSON.stringify(
        slug,
      )} is not <owner>/<repository>`,
    );
    expect(server!.requests).toHaveLength(0);
  });

  it('leaves out the entities of a batch that fail, and throws only when all do', async () => {
    const collector = await startGithub({ 'acme/payments': PROTECTED });
    const facts = await collect(collector, [
      entity('payments', 'acme/payments'),
      entity('gone', 'acme/gone'),
    ]);
    expect([...facts.keys()]).toEqual(['component:default/payments']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'Could not collect the GitHub facts of component:default/gone: GitHub has no repository acme/gone',
      ),
    );

    await expect(
      collect(collector, [entity('gone', 'acme/gone'), entity('bad', 'x')]),
    ).rejects.toThrow('GitHub has no repository acme/gone');
  });

  it('applies to entities with github.com/project-slug', async () => {
    const collector = await startGithub({});
    expect(collector.id).toBe('github');
    expect(collector.appliesTo).toEqual({
      'metadata.annotations.github.com/project-slug': { $exists: true },
    });
    expect(collector.facts.map(f => f.name)).toContain('github.latestRelease');
  });
});
