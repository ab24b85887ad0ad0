import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { readGithubConfig } from './readGithubConfig';

function read(data: object) {
  const config = new ConfigReader(data);
  return readGithubConfig(config, ScmIntegrations.fromConfig(config));
}

describe('readGithubConfig', () => {
  it('is off without readiness.github', () => {
    expect(read({})).toBeUndefined();
    expect(read({ readiness: { collectorTimeout: '10s' } })).toBeUndefined();
  });

  it('defaults to github.com and its API', () => {
    expect(read({ readiness: { github: { host: 'github.com' } } })).toEqual({
      host: 'github.com',
      apiBaseUrl: 'https://api.github.com',
      concurrency: 4,
      timeoutMs: 10_000,
      maxPages: 10,
      maxResponseBytes: 5 * 1024 * 1024,
    });
  });

  it('takes the API root of the integration of the host', () => {
    expect(
      read({
        integrations: {
          github: [
            {
              host: 'ghe.example.com',
              apiBaseUrl: 'https://ghe.example.com/api/v3/',
            },
          ],
        },
        readiness: {
          github: {
            host: 'ghe.example.com',
            concurrency: 2,
            timeout: { seconds: 3 },
            maxPages: 50,
            maxResponseBytes: 65536,
          },
        },
      }),
    ).toEqual({
      host: 'ghe.example.com',
      apiBaseUrl: 'https://ghe.example.com/api/v3',
      concurrency: 2,
      timeoutMs: 3000,
      maxPages: 50,
      maxResponseBytes: 65536,
    });
    expect(
      read({ readiness: { github: { host: 'github.com', timeout: '2s' } } })
        ?.timeoutMs,
    ).toBe(2000);
  });

  it('names the key of a mistake', () => {
    expect(() =>
      read({ readiness: { github: { host: 'ghe.example.com' } } }),
    ).toThrow(
      'readiness.github.host is ghe.example.com, but integrations.github has no entry for that host',
    );
    expect(() =>
      read({
        integrations: { github: [{ host: 'ghe.example.com' }] },
        readiness: { github: { host: 'ghe.example.com' } },
      }),
    ).toThrow(
      'The integrations.github entry for ghe.example.com has no apiBaseUrl',
    );
    expect(() => read({ readiness: { github: { concurrency: 0 } } })).toThrow(
      'readiness.github.concurrency must be a whole number from 1 to 64, not 0',
    );
    expect(() => read({ readiness: { github: { maxPages: 1.5 } } })).toThrow(
      'readiness.github.maxPages must be a whole number',
    );
    expect(() => read({ readiness: { github: { timeout: 'soon' } } })).toThrow(
      'readiness.github.timeout is not a duration',
    );
    expect(() =>
      read({ readiness: { github: { timeout: { seconds: 0 } } } }),
    ).toThrow('readiness.github.timeout must be longer than zero');
  });
});
