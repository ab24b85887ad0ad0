import { mockServices } from '@backstage/backend-test-utils';
import { PROMETHEUS_FACTS } from '@readiness/plugin-readiness-common';
import { checkCollectedFacts } from '@readiness/plugin-readiness-node';
import { Entity } from './entitySelector';
import type {
  PrometheusRule,
  PrometheusSample,
  RequestOptions,
} from './PrometheusClient';
import {
  PrometheusCollector,
  PrometheusCollectorOptions,
  renderQuery,
} from './PrometheusCollector';

const component = (name: string, job?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    annotations: job ? { 'prometheus.io/job': job } : {},
  },
  spec: { type: 'service' },
});

const context = () => ({
  logger: mockServices.logger.mock(),
  signal: new AbortController().signal,
  deadline: new Date(Date.now() + 10_000),
});

const sample = (value: number): PrometheusSample => ({ labels: {}, value });

const rule = (
  name: string,
  type: PrometheusRule['type'],
  query: string,
  labels: Record<string, string> = {},
): PrometheusRule => ({ name, type, query, labels });

/** A client whose answers depend on the query's first words. */
function fakeClient(
  answers: {
    up?: PrometheusSample[];
    errorRate?: PrometheusSample[];
    latency?: PrometheusSample[];
    alerting?: PrometheusRule[];
    recording?: PrometheusRule[];
  } = {},
) {
  return {
    query: jest.fn(async (promql: string, _options?: RequestOptions) => {
      if (promql.startsWith('avg(up')) return answers.up ?? [sample(1)];
      if (promql.startsWith('errors')) return answers.errorRate ?? [sample(0)];
      return answers.latency ?? [sample(0.2)];
    }),
    rules: jest.fn(async (type: 'alert' | 'record') =>
      type === 'alert' ? answers.alerting ?? [] : answers.recording ?? [],
    ),
  };
}

const collector = (
  client: PrometheusCollectorOptions['client'],
  options: Partial<PrometheusCollectorOptions> = {},
) =>
  new PrometheusCollector({
    client,
    selectorTemplate: 'job="{{job}}"',
    errorRateQuery: 'errors{ {{selector}} }',
    latencyP99Query: 'latency{ {{selector}} }',
    ...options,
  });

describe('PrometheusCollector', () => {
  it('declares the Prometheus facts under its id', () => {
    const c = collector(fakeClient());
    expect(c.id).toBe('prometheus');
    expect(c.facts).toBe(PROMETHEUS_FACTS);
    expect(c.facts.every(f => f.name.startsWith('prometheus.'))).toBe(true);
  });

  it('asks with the entity selector and returns facts of the declared types', async () => {
    const client = fakeClient({
      up: [sample(0.75)],
      errorRate: [sample(0.01)],
      latency: [sample(0.3)],
      alerting: [
        rule('PayDown', 'alerting', 'up{job="pay"} == 0'),
        rule('PayDown', 'alerting', 'up{job="pay", env="dr"} == 0'),
        rule('Other', 'alerting', 'up{job="other"} == 0'),
      ],
      recording: [
        rule('slo:errors:ratio', 'recording', 'x{job="pay"}'),
        rule('sli:latency', 'recording', 'y{job="pay"}'),
        rule('objective', 'recording', 'vector(0.99)', {
          slo: 'availability',
          job: 'pay',
        }),
        rule('job:requests:rate5m', 'recording', 'z{job="pay"}'),
      ],
    });

    const facts = await collector(client).collect(
      [component('pay', 'pay')],
      context(),
    );

    expect(client.query.mock.calls.map(([q]) => q)).toEqual([
      'avg(up{job="pay"})',
      'errors{ job="pay" }',
      'latency{ job="pay" }',
    ]);
    const observed = facts.get('component:default/pay');
    expect(observed).toEqual({
      'prometheus.scraped': true,
      'prometheus.targetsUp': 0.75,
      'prometheus.alertRules': ['PayDown'],
      'prometheus.sloRules': ['objective', 'sli:latency', 'slo:errors:ratio'],
      'prometheus.errorRate': 0.01,
      'prometheus.latencyP99Seconds': 0.3,
    });
    expect(checkCollectedFacts(collector(client), observed).problems).toEqual(
      [],
    );
  });

  it('reports null for no series and for NaN, and the worst of several series', async () => {
    const facts = await collector(
      fakeClient({
        up: [],
        errorRate: [sample(NaN)],
        latency: [sample(0.2), sample(NaN), sample(0.9)],
      }),
    ).collect([component('pay', 'pay')], context());

    expect(facts.get('component:default/pay')).toMatchObject({
      'prometheus.scraped': false,
      'prometheus.targetsUp': null,
      'prometheus.errorRate': null,
      'prometheus.latencyP99Seconds': 0.9,
    });
  });

  it('fails rather than report an infinite latency', async () => {
    await expect(
      collector(fakeClient({ latency: [sample(Infinity)] })).collect(
        [component('pay', 'pay')],
        context(),
      ),
    ).rejects.toThrow(
      'the query for prometheus.latencyP99Seconds gave +Inf, which is not a measurement',
    );
  });

  it('throws the error of a batch of one, for the backend to keep the last good facts', async () => {
    const client = fakeClient();
    client.query.mockRejectedValue(
      new Error(
        'Prometheus GET /api/v1/query answered 503 Service Unavailable',
      ),
    );

    await expect(
      collector(client).collect([component('pay', 'pay')], context()),
    ).rejects.toThrow(
      'Prometheus GET /api/v1/query answered 503 Service Unavailable',
    );
  });

  it('cancels the other requests of an entity once one fails', async () => {
    const client = fakeClient();
    const signals: AbortSignal[] = [];
    client.query.mockImplementation(async (promql, options) => {
      signals.push(options!.signal!);
      if (promql.startsWith('errors')) {
        throw new Error('bad query');
      }
      return new Promise<PrometheusSample[]>(() => {});
    });

    await expect(
      collector(client).collect([component('pay', 'pay')], context()),
    ).rejects.toThrow('bad query');
    expect(signals.map(s => s.aborted)).toEqual([true, true, true]);
  });

  it('leaves failed entities out of a larger batch and logs them', async () => {
    const client = fakeClient();
    client.query.mockImplementation(async (promql: string) => {
      if (promql.includes('"bad"')) {
        throw new Error('server error');
      }
      return [sample(1)];
    });
    const ctx = context();

    const facts = await collector(client).collect(
      [component('good', 'good'), component('bad', 'bad')],
      ctx,
    );

    expect([...facts.keys()]).toEqual(['component:default/good']);
    expect(ctx.logger.warn).toHaveBeenCalledWith(
      'Could not collect the Prometheus facts of component:default/bad: server error',
    );
  });

  it('throws the first error when every entity of a batch fails', async () => {
    await expect(
      collector(fakeClient()).collect(
        [component('a'), component('b')],
        context(),
      ),
    ).rejects.toThrow('none of the annotations');
  });

  it('fetches the rules once for concurrent calls and reuses them for a while', async () => {
    const client = fakeClient();
    const c = collector(client, { rulesCacheMs: 60_000 });

    await Promise.all(
      ['a', 'b', 'c'].map(n => c.collect([component(n, n)], context())),
    );
    await c.collect([component('d', 'd')], context());

    expect(client.rules).toHaveBeenCalledTimes(2); // alert + record, once
  });

  it('fetches the rules again after a failure', async () => {
    const client = fakeClient();
    client.rules.mockRejectedValueOnce(new Error('rules unavailable'));
    const c = collector(client);

    await expect(c.collect([component('a', 'a')], context())).rejects.toThrow(
      'rules unavailable',
    );
    await expect(
      c.collect([component('a', 'a')], context()),
    ).resolves.toBeDefined();
  });

  it('gives up at the deadline even when the signal is not aborted', async () => {
    const client = fakeClient();
    client.rules.mockImplementation(() => new Promise(() => {}));

    await expect(
      collector(client).collect([component('a', 'a')], {
        ...context(),
        deadline: new Date(Date.now() + 50),
      }),
    ).rejects.toThrow('the collection deadline passed');
  });

  it('gives up on shared rules when its own signal is aborted', async () => {
    const client = fakeClient();
    client.rules.mockImplementation(() => new Promise(() => {}));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('timed out after 50 ms')), 50);

    await expect(
      collector(client).collect([component('a', 'a')], {
        ...context(),
        signal: controller.signal,
      }),
    ).rejects.toThrow('timed out after 50 ms');
  });
});

describe('renderQuery', () => {
  it('replaces every {{selector}}', () => {
    expect(
      renderQuery('a{ {{selector}} } / b{ {{ selector }} }', 'job="x"'),
    ).toBe('a{ job="x" } / b{ job="x" }');
  });
});
