import http from 'node:http';
import { AddressInfo } from 'node:net';
import { runCli, writeTempFiles } from '../testUtils';

/** The fake backends started, closed after each test. */
const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise(resolve => server.close(resolve));
  }
});

/** A request the fake backend received. */
interface Received {
  method?: string;
  url?: string;
  authorization?: string;
  contentType?: string;
  body: unknown;
}

/** What the fake backend answers, or `hang` to never answer. */
type Answer = { status: number; body: unknown } | 'hang';

/**
 * A backend on 127.0.0.1 that records each request and answers as told;
 * closed after each test.
 */
async function startBackend(answer: Answer) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', chunk => {
      text += chunk;
    });
    req.on('end', () => {
      received.push({
        method: req.method,
        url: req.url,
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        body: JSON.parse(text),
      });
      if (answer === 'hang') {
        return;
      }
      res.writeHead(answer.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received };
}

const STORED = {
  status: 201,
  body: {
    entityRef: 'component:default/checkout',
    facts: [
      {
        name: 'pushed.testCoverage',
        observedAt: '2027-01-10T09:30:00.000Z',
        stored: true,
      },
      {
        name: 'pushed.suites',
        stored: false,
        reason: 'a later observation is stored',
      },
    ],
    evaluation: 'done',
  },
};

const ENV = { READINESS_TOKEN: 'ci-token-from-env' };

describe('readiness push', () => {
  it('posts name=value facts, values read as JSON when they are, with the token of the environment', async () => {
    const backend = await startBackend(STORED);
    const { code, stdout, stderr } = await runCli(
      [
        'push',
        '--url',
        `${backend.url}/`,
        '--entity',
        'checkout',
        '--source',
        'github-actions',
        '--observed-at',
        '2027-01-10T09:30:00Z',
        'testCoverage=87.5',
        'suites=["unit","e2e"]',
        'release=1.2.3',
        'green=true',
        'tag="1.20"',
        'note=a=b',
      ],
      '.',
      { env: ENV },
    );

    expect(stderr).toBe(
      '1 of 2 facts stored for component:default/checkout; the entity is evaluated with them\n',
    );
    expect(code).toBe(0);
    expect(backend.received).toEqual([
      {
        method: 'POST',
        url: '/api/readiness/facts',
        authorization: 'Bearer ci-token-from-env',
        contentType: 'application/json',
        body: {
          entityRef: 'component:default/checkout',
          source: 'github-actions',
          observedAt: '2027-01-10T09:30:00Z',
          facts: {
            testCoverage: 87.5,
            suites: ['unit', 'e2e'],
            release: '1.2.3',
            green: true,
            tag: '1.20',
            note: 'a=b',
          },
        },
      },
    ]);
    expect(stdout).toBe(
      [
        'pushed.testCoverage: stored, observed 2027-01-10T09:30:00.000Z',
        'pushed.suites: not stored: a later observation is stored',
        '',
      ].join('\n'),
    );
  });

  it('posts the facts of --file, with --token over the environment', async () => {
    const backend = await startBackend(STORED);
    const dir = writeTempFiles({
      'facts.json': JSON.stringify({ testCoverage: 91, labels: { a: 'b' } }),
    });
    const { code } = await runCli(
      [
        'push',
        '--url',
        backend.url,
        '--entity',
        'component:default/checkout',
        '--source',
        'ci',
        '--token',
        'ci-token-from-flag',
        '--file',
        'facts.json',
      ],
      dir,
      { env: ENV },
    );
    expect(code).toBe(0);
    expect(backend.received[0]).toMatchObject({
      authorization: 'Bearer ci-token-from-flag',
      body: {
        entityRef: 'component:default/checkout',
        source: 'ci',
        facts: { testCoverage: 91, labels: { a: 'b' } },
      },
    });
    expect(backend.received[0].body).not.toHaveProperty('observedAt');
  });

  const push = (url: string, ...more: string[]) =>
    runCli(
      ['push', '--url', url, '--entity', 'checkout', '--source', 'ci', ...more],
      '.',
      { env: ENV },
    );

  it('prints the message of a 400 as it is and exits 2', async () => {
    const message =
      'facts.testCoverage must be a number (readiness.pushedFacts), got string';
    const backend = await startBackend({
      status: 400,
      body: { error: { name: 'InputError', message } },
    });
    const { code, stdout, stderr } = await push(
      backend.url,
      'testCoverage=high',
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`error: ${message}\n`);
  });

  it.each([
    [403, 'ci-refresher may not push facts (readiness.facts.push)'],
    [401, 'Illegal token'],
    [500, 'database down'],
  ])(
    'prints the message of a %i as it is and exits 3',
    async (status, message) => {
      const backend = await startBackend({
        status,
        body: { error: { name: 'Error', message } },
      });
      const { code, stderr } = await push(backend.url, 'testCoverage=1');
      expect(code).toBe(3);
      expect(stderr).toBe(`error: ${message}\n`);
    },
  );

  it('says what answered when the answer is no Backstage error', async () => {
    const backend = await startBackend({ status: 404, body: 'nothing here' });
    const { code, stderr } = await push(backend.url, 'testCoverage=1');
    expect(code).toBe(3);
    expect(stderr).toBe(
      `error: ${backend.url}/api/readiness/facts answered 404 Not Found\n`,
    );
  });

  it('gives up on a backend that does not answer in time, exit 3', async () => {
    const backend = await startBackend('hang');
    const { code, stderr } = await push(
      backend.url,
      '--timeout',
      '1',
      'testCoverage=1',
    );
    expect(backend.received).toHaveLength(1);
    expect(code).toBe(3);
    expect(stderr).toBe(
      `error: no answer from ${backend.url}/api/readiness/facts within 1 seconds\n`,
    );
  });

  it('says a backend that cannot be reached cannot be, exit 3', async () => {
    const backend = await startBackend(STORED);
    for (const server of servers.splice(0)) {
      await new Promise(resolve => server.close(resolve));
    }
    const { code, stderr } = await push(backend.url, 'testCoverage=1');
    expect(code).toBe(3);
    expect(stderr).toMatch(
      /^error: cannot reach http:\/\/127\.0\.0\.1:\d+\/api\/readiness\/facts: .*ECONNREFUSED/,
    );
  });

  it.each<[string, string[], Record<string, string>, string]>([
    ['no token', ['a=1'], {}, 'a service token is needed'],
    ['no facts', [], ENV, 'no facts: give name=value arguments'],
    ['a fact without a value', ['testCoverage'], ENV, 'is not name=value'],
    ['a fact given twice', ['a=1', 'a=2'], ENV, 'a is given twice'],
    ['facts and --file', ['a=1', '--file', 'x.json'], ENV, 'not both'],
    ['a missing --file', ['--file', 'missing.json'], ENV, 'cannot read'],
    ['a bad --timeout', ['--timeout', '0', 'a=1'], ENV, '--timeout must be'],
  ])('exits 2 without a request for %s', async (_case, more, env, message) => {
    const backend = await startBackend(STORED);
    const { code, stderr } = await runCli(
      [
        'push',
        '--url',
        backend.url,
        '--entity',
        'checkout',
        '--source',
        'ci',
        ...more,
      ],
      '.',
      { env },
    );
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(backend.received).toEqual([]);
  });

  it('exits 2 for a --url that is not http(s)', async () => {
    const { code, stderr } = await push('ftp://backstage', 'a=1');
    expect(code).toBe(2);
    expect(stderr).toContain('--url must be the http(s) URL of Backstage');
  });

  it.each(['http://backstage.example.com', 'http://10.0.0.7:7007'])(
    'exits 2 rather than send the token in the clear to %s',
    async url => {
      const { code, stderr } = await push(url, 'a=1');
      expect(code).toBe(2);
      expect(stderr).toBe(
        `error: --url must be https: the token would go in the clear over http to ${
          new URL(url).hostname
        } (http is taken for localhost only)\n`,
      );
    },
  );

  it('stops reading an answer larger than any push answer, exit 3', async () => {
    const backend = await startBackend({
      status: 201,
      body: { padding: 'x'.repeat(300 * 1024) },
    });
    const { code, stderr } = await push(backend.url, 'testCoverage=1');
    expect(code).toBe(3);
    expect(stderr).toBe(
      `error: ${backend.url}/api/readiness/facts answered with more than 262144 bytes; not the Readiness backend?\n`,
    );
  });
});
