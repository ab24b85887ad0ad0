import {
  sendEndless,
  sendJson,
} from '@readiness/plugin-readiness-node/testUtils';
import { FakePagerDuty, Intercept, TOKEN } from './__testUtils__/fakePagerDuty';
import { loggedText } from './__testUtils__/mockLogger';
import {
  clientTestLogger as logger,
  failFirst,
  requestContext,
  startClient,
} from './__testUtils__/pagerDutyClientSetup';
import {
  PagerDutyClient,
  PagerDutyClientOptions,
  PagerDutyResponseError,
} from './PagerDutyClient';

let fake: FakePagerDuty | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(
  intercept?: Intercept,
  options: Partial<PagerDutyClientOptions> = {},
) {
  const started = await startClient(intercept, options);
  fake = started.fake;
  return started;
}

const context = requestContext;

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
