import { FakePagerDuty, Intercept } from './__testUtils__/fakePagerDuty';
import {
  failFirst,
  requestContext,
  startClient,
} from './__testUtils__/pagerDutyClientSetup';
import {
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

describe('PagerDutyClient rate limits', () => {
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

  it('takes a 403 as a refusal, whatever its rate-limit headers and message', async () => {
    const { client } = await setup(
      failFirst(1, 403, { 'ratelimit-remaining': '0', 'retry-after': '1' }),
    );
    const error = await client
      .get('/services/P1', [], context())
      .catch(failure => failure);
    expect(error).toBeInstanceOf(PagerDutyResponseError);
    expect(error).toMatchObject({
      status: 403,
      message:
        'PagerDuty GET /services/P1 answered 403 Forbidden: Rate Limit Exceeded',
    });
    expect(fake!.requests).toHaveLength(1);
  });

  it('gives up after five 429s in a row', async () => {
    const { client } = await setup(
      failFirst(10, 429, { 'ratelimit-reset': '0' }),
    );
    await expect(client.get('/services/P1', [], context())).rejects.toThrow(
      'PagerDuty GET /services/P1 answered 429 Too Many Requests 5 times in a row',
    );
  });
});
