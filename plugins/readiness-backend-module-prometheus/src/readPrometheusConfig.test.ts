import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_ERROR_RATE_QUERY,
  DEFAULT_LATENCY_P99_QUERY,
  readPrometheusConfig,
} from './readPrometheusConfig';

const read = (prometheus?: object) =>
  readPrometheusConfig(new ConfigReader({ readiness: { prometheus } }));

describe('readPrometheusConfig', () => {
  it('is off without readiness.prometheus', () => {
    expect(readPrometheusConfig(new ConfigReader({}))).toBeUndefined();
    expect(read(undefined)).toBeUndefined();
  });

  it('gives defaults to everything but the URL', () => {
    expect(read({ baseUrl: 'http://prometheus:9090' })).toEqual({
      baseUrl: 'http://prometheus:9090',
      headers: {},
      selector: 'job="{{job}}"',
      errorRateQuery: DEFAULT_ERROR_RATE_QUERY,
      latencyP99Query: DEFAULT_LATENCY_P99_QUERY,
      concurrency: 4,
      timeoutMs: 10_000,
      retries: 2,
      maxResponseBytes: 16 * 1024 * 1024,
      maxRulePages: 100,
    });
  });

  it('reads every setting', () => {
    expect(
      read({
        baseUrl: 'https://mimir.example.com/prometheus',
        headers: { Authorization: 'Bearer t', 'X-Scope-OrgID': 'acme' },
        selector: 'service="{{job}}",env="prod"',
        errorRateQuery: 'sum(errors{ {{selector}} })',
        latencyP99Query: 'max(p99{ {{selector}} })',
        concurrency: 2,
        timeout: '3s',
        retries: 0,
        maxResponseBytes: 65536,
        maxRulePages: 7,
      }),
    ).toEqual({
      baseUrl: 'https://mimir.example.com/prometheus',
      headers: { Authorization: 'Bearer t', 'X-Scope-OrgID': 'acme' },
      selector: 'service="{{job}}",env="prod"',
      errorRateQuery: 'sum(errors{ {{selector}} })',
      latencyP99Query: 'max(p99{ {{selector}} })',
      concurrency: 2,
      timeoutMs: 3000,
      retries: 0,
      maxResponseBytes: 65536,
      maxRulePages: 7,
    });
    expect(
      read({ baseUrl: 'http://p', timeout: { seconds: 2, milliseconds: 500 } })
        ?.timeoutMs,
    ).toBe(2500);
  });

  it.each([
    [{}, "Missing required config value at 'readiness.prometheus.baseUrl'"],
    [
      { baseUrl: 'prometheus:9090' },
      'readiness.prometheus.baseUrl must be an http or https URL',
    ],
    [{ baseUrl: 'not a url' }, 'readiness.prometheus.baseUrl must be a URL'],
    [
      { baseUrl: 'http://p', headers: { Authorization: 42 } },
      'readiness.prometheus.headers.Authorization must be a string',
    ],
    [
      { baseUrl: 'http://p', selector: 'job={{job}}' },
      'readiness.prometheus.selector "job={{job}}" expected label matchers',
    ],
    [
      { baseUrl: 'http://p', selector: 'job="{{service}}"' },
      'unknown placeholder {{service}}',
    ],
    [
      { baseUrl: 'http://p', errorRateQuery: 'sum(errors)' },
      'readiness.prometheus.errorRateQuery must contain {{selector}}',
    ],
    [
      { baseUrl: 'http://p', latencyP99Query: 'p99' },
      'readiness.prometheus.latencyP99Query must contain {{selector}}',
    ],
    [
      { baseUrl: 'http://p', concurrency: 0 },
      'readiness.prometheus.concurrency must be a whole number from 1 to 64, not 0',
    ],
    [
      { baseUrl: 'http://p', retries: 1.5 },
      'readiness.prometheus.retries must be a whole number from 0 to 10, not 1.5',
    ],
    [
      { baseUrl: 'http://p', timeout: 'soon' },
      "readiness.prometheus.timeout is not a duration such as '10s' or { seconds: 10 }: Invalid duration 'soon'",
    ],
  ])('refuses %j', (prometheus, problem) => {
    expect(() => read(prometheus)).toThrow(problem);
  });

  it('never repeats a header value in an error', () => {
    expect(() =>
      read({ baseUrl: 'http://p', headers: { Authorization: ['secret'] } }),
    ).toThrow(/^readiness.prometheus.headers.Authorization must be a string$/);
  });
});
