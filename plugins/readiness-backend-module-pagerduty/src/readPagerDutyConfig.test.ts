import { ConfigReader } from '@backstage/config';
import { DEFAULT_BASE_URL, readPagerDutyConfig } from './readPagerDutyConfig';

function read(pagerduty: unknown) {
  return readPagerDutyConfig(
    new ConfigReader(
      pagerduty === undefined ? {} : { readiness: { pagerduty } },
    ),
  );
}

describe('readPagerDutyConfig', () => {
  it('is off without a token', () => {
    expect(read(undefined)).toBeUndefined();
    expect(read({})).toBeUndefined();
    expect(read({ baseUrl: 'https://pd.example.com' })).toBeUndefined();
    expect(read({ token: '' })).toBeUndefined();
    expect(read({ token: '   ' })).toBeUndefined();
  });

  it('has defaults', () => {
    expect(read({ token: 'secret-token' })).toEqual({
      baseUrl: DEFAULT_BASE_URL,
      token: 'secret-token',
      concurrency: 4,
      timeoutMs: 10_000,
      maxPages: 10,
      maxResponseBytes: 5 * 1024 * 1024,
    });
  });

  it('reads every key', () => {
    expect(
      read({
        token: 'secret-token',
        baseUrl: 'https://api.eu.pagerduty.com/',
        concurrency: 2,
        timeout: { seconds: 3 },
        maxPages: 5,
        maxResponseBytes: 65536,
      }),
    ).toEqual({
      baseUrl: 'https://api.eu.pagerduty.com',
      token: 'secret-token',
      concurrency: 2,
      timeoutMs: 3000,
      maxPages: 5,
      maxResponseBytes: 65536,
    });
    expect(read({ token: 't', timeout: '1.5s' })?.timeoutMs).toBe(1500);
  });

  it('names the key of a mistake, never the token', () => {
    const cases: Array<[unknown, RegExp]> = [
      [
        { token: 'secret-token', baseUrl: 'not a url' },
        /baseUrl must be a URL/,
      ],
      [
        { token: 'secret-token', baseUrl: 'ftp://x' },
        /baseUrl must be an http/,
      ],
      [
        { token: 'secret-token', baseUrl: 'https://u:p@pd.example.com' },
        /baseUrl must have no credentials/,
      ],
      [{ token: 'secret-token', concurrency: 0 }, /concurrency must be/],
      [{ token: 'secret-token', concurrency: 1.5 }, /concurrency must be/],
      [{ token: 'secret-token', maxPages: 101 }, /maxPages must be/],
      [{ token: 'secret-token', timeout: { seconds: 0 } }, /timeout must be/],
      [{ token: 42 }, /readiness\.pagerduty\.token must be a string/],
    ];
    for (const [config, message] of cases) {
      let error: Error | undefined;
      try {
        read(config);
      } catch (e) {
        error = e as Error;
      }
      expect(error?.message).toMatch(message);
      expect(error?.message).not.toContain('secret-token');
    }
  });
});
