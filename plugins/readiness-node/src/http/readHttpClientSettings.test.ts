import { mockServices } from '@backstage/backend-test-utils';
import { DEFAULT_MAX_RESPONSE_BYTES } from '@readiness/plugin-readiness-common';
import { readHttpClientSettings } from './readHttpClientSettings';

const config = (data: Record<string, unknown>) =>
  mockServices.rootConfig({ data: data as any });

describe('readHttpClientSettings', () => {
  it('gives the suite defaults, without retries unless the module has them', () => {
    expect(readHttpClientSettings(config({}))).toEqual({
      concurrency: 4,
      timeoutMs: 10_000,
      maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
    });
    expect(
      readHttpClientSettings(config({ retries: 5 }), { prefix: 'readiness.x' }),
    ).not.toHaveProperty('retries');
  });

  it("reads the settings, with a module's own defaults", () => {
    const defaults = { retries: 2, maxResponseBytes: 2048 };
    expect(readHttpClientSettings(config({}), { defaults })).toEqual({
      concurrency: 4,
      timeoutMs: 10_000,
      retries: 2,
      maxResponseBytes: 2048,
    });
    expect(
      readHttpClientSettings(
        config({
          concurrency: 8,
          timeout: '30s',
          retries: 0,
          maxResponseBytes: 4096,
        }),
        { defaults },
      ),
    ).toEqual({
      concurrency: 8,
      timeoutMs: 30_000,
      retries: 0,
      maxResponseBytes: 4096,
    });
  });

  it.each([
    [
      { concurrency: 65 },
      'readiness.x.concurrency must be a whole number from 1 to 64, not 65',
    ],
    [{ timeout: '0s' }, 'readiness.x.timeout must be longer than zero'],
    [
      { retries: 11 },
      'readiness.x.retries must be a whole number from 0 to 10, not 11',
    ],
    [
      { maxResponseBytes: 1023 },
      'readiness.x.maxResponseBytes must be a whole number from 1024 to 1073741824, not 1023',
    ],
  ])('names the full key of a mistake in %j', (data, message) => {
    expect(() =>
      readHttpClientSettings(config(data), {
        prefix: 'readiness.x',
        defaults: { retries: 2 },
      }),
    ).toThrow(message);
  });
});
