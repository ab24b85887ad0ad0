import {
  sendEndless,
  sendJson,
} from '@readiness/plugin-readiness-node/testUtils';
import {
  FakePagerDuty,
  FakeState,
  Intercept,
  startFakePagerDuty,
  TOKEN,
} from './__testUtils__/fakePagerDuty';
import { loggedText, mockLogger } from './__testUtils__/mockLogger';
import {
  PagerDutyClient,
  PagerDutyClientOptions,
  PagerDutyResponseError,
  rateLimitWaitMs,
} from './PagerDutyClient';

const state: FakeState = {
  services: [{ id: 'P1', escalationPolicyId: 'EP1' }],
  policies: { EP1: 2 },
  oncalls: {
    EP1: ['Ada', 'Bob', 'Cy', 'Di', 'Ed'].map((user, i) => ({
      level: i + 1,
      user,
    })),
  },
  pageLimit: 2,
};

let fake: FakePagerDuty | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(
  intercept?: Intercept,
  options: Partial<PagerDutyClientOptions> = {},
) {
  fake = await startFakePagerDuty(state, intercept);
  const client = new PagerDutyClient({
    baseUrl: fake.baseUrl,
    token: TOKEN,
    concurrency: 4,
    timeoutMs: 2000,
    maxPages: 10,
    ...options,
  });
  return { fake, client };
}

const logger = mockLogger();

function context(ms = 3000) {
  return {
    signal: AbortSignal.timeout(ms),
    deadline: new Date(Date.now() + ms),
    logger,
  };
}

/** Answers the first `times` requests with this status and headers. */
function failFirst(
  times: number,
  status: number,
  headers: Record<string, string> = {},
  body: unknown = { error: { message: 'Rate Limit Exceeded', code: 2020 } },
): Intercept {
  let count = 0;
  return (_request, response) => {
    count += 1;
    if (count > times) {
      return false;
    }
    sendJson(response, body, status, headers);
    return true;
  };
}

describe('rateLimitWaitMs', () => {
  const headers = (init: Record<string, string>) => new Headers(init);

  it('reads ratelimit-reset, then Retry-After in seconds or as a date', () => {
    expect(rateLimitWaitMs(headers({ 'ratelimit-reset': '2' }), 0)).toBe(2000);
    expect(
      rateLimitWaitMs(
        headers({ 'ratelimit-reset': '0.5', 'retry-after': '9' }),
        0,
      ),
    ).toBe(500);
    expect(rateLimitWaitMs(headers({ 'retry-after': '3' }), 0)).toBe(3000);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(
      rateLimitWaitMs(
        headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:04 GMT' }),
        now,
      ),
    ).toBe(4000);
    expect(rateLimitWaitMs(headers({}), 0)).toBeUndefined();
    expect(
      rateLimitWaitMs(headers({ 'ratelimit-reset': 'soon' }), 0),
    ).toBeUndefined();
  });
});

describe('PagerDutyClient', () => {
  it('sends the token and the API version, and returns the JSON object', async () => {
    const { client } = await setup();
    const body = await client.get(
      '/services/P1',
      [['include[]', 'escalation_policies']],
      context(),
    );
    expect(body.service).toMatchObject({ id: 'P1', status: 'active' });
    const [request] = fake!.requests;
    expect(request.headers.authorization).toBe(`Token token=${TOKEN}`);
    expect(request.headers.accept).toBe(
      'application/vnd.pagerduty+json;version=2',
    );
    expect(request.url.searchParams.getAll('include[]')).toEqual([
      'escalation_policies',
    ]);
  });

  it('waits for ratelimit-reset after a 429, then succeeds', async () => {
    const { client } = await setup(
      failFirst(1, 429, { 'ratelimit-reset': '0.2' }),
    );
    const started = Date.now();
    const body = await client.get('/services/P1', [], context());
    expect(body.service).toBeDefined();
    expect(fake!.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('waits for Retry-After after a 429, then succeeds', async () => {
    const { client } = await setup(failFirst(1, 429, { 'retry-after': '0.1' }));
    const started = Date.now();
    await client.get('/services/P1', [], context());
    expect(fake!.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('fails at once when the rate limit lasts past the deadline, for every caller', async () => {
    const { client } = await setup(
      failFirst(1, 429, { 'ratelimit-reset': '60' }),
    );
    const started = Date.now();
    await expect(client.get('/services/P1', [], context(1000))).rejects.toThrow(
      /^PagerDuty rate limited until \d{4}-\d\d-\d\dT[\d:.]+Z, after the deadline of this collection$/,
    );
    // The rate limit is shared: another entity's request does not even go.
    await expect(client.get('/services/P1', [], context(1000))).rejects.toThrow(
      /rate limited until/,
    );
    expect(fake!.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('holds requests back when ratelimit-remaining reaches 0', async () => {
    const { client } = await setup(
      failFirst(
        1,
        200,
        { 'ratelimit-remaining': '0', 'ratelimit-reset': '0.2' },
        {
          service: { id: 'P1', status: 'active' },
        },
      ),
    );
    await client.get('/services/P1', [], context());
    const started = Date.now();
    await client.get('/services/P1', [], context());
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('gives up after five 429s in a row', async () => {
    const { client } = await setup(
      failFirst(10, 429, { 'ratelimit-reset': '0' }),
    );
    await expect(client.get('/services/P1', [], context())).rejects.toThrow(
      'PagerDuty GET /services/P1 answered 429 Too Many Requests 5 times in a row',
    );
  });

  it('times a slow request out', async () => {
    const { client } = await setup(
      async () => {
        await new Promise(resolve => setTimeout(resolve, 1000));
        return false;
      },
      { timeoutMs: 50 },
    );
    await expect(client.get('/services/P1', [], context())).rejects.toThrow(
      'PagerDuty GET /services/P1 timed out after 50 ms',
    );
  });

  it('stops at the deadline', async () => {
    const { client } = await setup(async () => {
      await new Promise(resolve => setTimeout(resolve, 1000));
      return false;
    });
    await expect(client.get('/services/P1', [], context(100))).rejects.toThrow(
      'PagerDuty GET /services/P1 stopped: the deadline passed',
    );
  });

  it('stops at the deadline even when the signal does not', async () => {
    const { client } = await setup(async () => {
      await new Promise(resolve => setTimeout(resolve, 1000));
      return false;
    });
    const started = Date.now();
    await expect(
      client.get('/services/P1', [], {
        signal: new AbortController().signal,
        deadline: new Date(Date.now() + 100),
      }),
    ).rejects.toThrow(
      'PagerDuty GET /services/P1 stopped: the deadline passed',
    );
    expect(Date.now() - started).toBeLessThan(500);
    await expect(
      client.get('/services/P1', [], {
        signal: new AbortController().signal,
        deadline: new Date(Date.now() - 1),
      }),
    ).rejects.toThrow(
      'PagerDuty GET /services/P1 stopped: the deadline passed',
    );
  });

  it('names the status and PagerDuty’s message of a server error', async () => {
    const { client } = await setup(
      failFirst(1, 500, {}, { error: { message: 'boom', code: 2001 } }),
    );
    const error = await client.get('/services/P1', [], context()).catch(e => e);
    expect(error).toBeInstanceOf(PagerDutyResponseError);
    expect(error.status).toBe(500);
    expect(error.message).toBe(
      'PagerDuty GET /services/P1 answered 500 Internal Server Error: boom',
    );
    expect(fake!.requests).toHaveLength(1);
  });

  it('refuses malformed JSON and JSON that is not an object', async () => {
    const { client } = await setup(async (request, response) => {
      if (request.url.pathname === '/broken') {
        sendJson(response, '{"service": {');
        return true;
      }
      if (request.url.pathname === '/array') {
        sendJson(response, '[1, 2]');
        return true;
      }
      return false;
    });
    await expect(client.get('/broken', [], context())).rejects.toThrow(
      /^PagerDuty GET \/broken answered malformed JSON: /,
    );
    await expect(client.get('/array', [], context())).rejects.toThrow(
      'PagerDuty GET /array answered an array instead of a JSON object',
    );
  });

  it('does not follow a redirect, so the token stays with PagerDuty', async () => {
    const { client } = await setup(async (request, response) => {
      if (request.url.pathname === '/services/P1') {
        response
          .writeHead(302, { location: `${fake!.baseUrl}/elsewhere` })
          .end();
        return true;
      }
      return false;
    });
    await expect(client.get('/services/P1', [], context())).rejects.toThrow(
      /answered 302 Found, a redirect, which is not followed/,
    );
    expect(fake!.requests.map(r => r.url.pathname)).toEqual(['/services/P1']);
  });

  it('reports an unreachable server', async () => {
    const { client } = await setup();
    await fake!.close();
    await expect(client.get('/services/P1', [], context())).rejects.toThrow(
      /^PagerDuty GET \/services\/P1 failed: /,
    );
  });

  it('stops reading an endless answer at maxResponseBytes, and says why', async () => {
    let written: Promise<number> | undefined;
    const { client } = await setup(
      (_request, response) => {
        written = sendEndless(response, `{"x":[${'1,'.repeat(32 * 1024)}`);
        return true;
      },
      { maxResponseBytes: 1024 * 1024 },
    );
    await expect(client.get('/services/P1', [], context())).rejects.toThrow(
      'PagerDuty GET /services/P1 answered more than 1048576 bytes (readiness.pagerduty.maxResponseBytes); the rest was not read',
    );
    expect(await written).toBeLessThan(16 * 1024 * 1024);
  });

  it('never sends a request off the API origin', async () => {
    const { client, fake: server } = await setup();
    await expect(client.get('@evil.example/x', [], context())).rejects.toThrow(
      "the URL built from the entity's data leaves the configured API; no request was sent",
    );
    expect(server.requests).toEqual([]);
  });

  it('stops an endless list at maxPages, saying it is incomplete', async () => {
    const { client, fake: server } = await setup(
      (_request, response) => {
        sendJson(response, { oncalls: [{ id: 1 }], more: true });
        return true;
      },
      { maxPages: 4 },
    );
    await expect(
      client.list('/oncalls', [], 'oncalls', context()),
    ).resolves.toEqual({
      items: [{ id: 1 }, { id: 1 }, { id: 1 }, { id: 1 }],
      complete: false,
    });
    expect(server.requests).toHaveLength(4);
  });

  it('follows classic pagination up to maxPages', async () => {
    const { client } = await setup();
    const all = await client.list(
      '/oncalls',
      [['escalation_policy_ids[]', 'EP1']],
      'oncalls',
      context(),
    );
    expect(all.complete).toBe(true);
    expect(all.items).toHaveLength(5);
    expect(
      fake!.requests.map(r => [
        r.url.searchParams.get('limit'),
        r.url.searchParams.get('offset'),
      ]),
    ).toEqual([
      ['100', '0'],
      ['100', '2'],
      ['100', '4'],
    ]);

    const capped = await new PagerDutyClient({
      baseUrl: fake!.baseUrl,
      token: TOKEN,
      concurrency: 1,
      timeoutMs: 1000,
      maxPages: 2,
    }).list(
      '/oncalls',
      [['escalation_policy_ids[]', 'EP1']],
      'oncalls',
      context(),
    );
    expect(capped).toEqual({ items: expect.any(Array), complete: false });
    expect(capped.items).toHaveLength(4);
  });

  it('refuses a page without its list, or empty with more to come', async () => {
    const { client } = await setup(async (request, response) => {
      if (request.url.pathname === '/empty') {
        sendJson(response, { things: [], more: true, offset: 0, limit: 100 });
        return true;
      }
      return false;
    });
    await expect(
      client.list('/services/P1', [], 'services', context()),
    ).rejects.toThrow(
      'PagerDuty GET /services/P1 answered without a list of services',
    );
    await expect(
      client.list('/empty', [], 'things', context()),
    ).rejects.toThrow(
      'PagerDuty GET /empty answered an empty page of things with more to come',
    );
  });

  it('keeps to its concurrency over all callers', async () => {
    const { client } = await setup(undefined, { concurrency: 2 });
    await Promise.all(
      Array.from({ length: 6 }, () =>
        client.get('/services/P1', [], context()),
      ),
    );
    expect(fake!.requests).toHaveLength(6);
    expect(fake!.maxInFlight).toBe(2);
  });

  it('never shows the token in a message', async () => {
    const { client } = await setup(
      failFirst(1, 429, { 'ratelimit-reset': '0' }),
    );
    const wrong = new PagerDutyClient({
      baseUrl: fake!.baseUrl,
      token: `${TOKEN}-wrong`,
      concurrency: 1,
      timeoutMs: 1000,
      maxPages: 1,
    });
    const errors = await Promise.all([
      wrong.get('/services/P1', [], context()).catch(e => e),
      client.get('/services/NOPE', [], context()).catch(e => e),
    ]);
    expect(errors.map(e => e.message)).toEqual([
      'PagerDuty GET /services/P1 answered 401 Unauthorized: Unauthorized',
      'PagerDuty GET /services/NOPE answered 404 Not Found: Not Found',
    ]);
    expect(loggedText(logger)).not.toContain(TOKEN);
    for (const error of errors) {
      expect(String(error.message)).not.toContain(TOKEN);
    }
  });
});
