/*
 * Against a real Prometheus server (Debian's prometheus package), started on
 * a loopback port with its own rules, scraping a target this test serves.
 */
import { mockServices } from '@backstage/backend-test-utils';
import {
  freePort,
  MetricsTarget,
  PrometheusServer,
  startMetricsTarget,
  startPrometheus,
} from './__testUtils__/startPrometheus';
import { Entity } from './entitySelector';
import { PrometheusClient } from './PrometheusClient';
import {
  PrometheusCollector,
  PrometheusCollectorOptions,
} from './PrometheusCollector';
import {
  DEFAULT_ERROR_RATE_QUERY,
  DEFAULT_LATENCY_P99_QUERY,
} from './readPrometheusConfig';

jest.setTimeout(60_000);

const RULES = `
groups:
  - name: payments
    rules:
      - alert: PaymentsHighErrorRate
        expr: >
          sum(rate(http_requests_total{job="payments-service", code=~"5.."}[5m]))
          / sum(rate(http_requests_total{job="payments-service"}[5m])) > 0.5
        for: 5m
        labels: { severity: page }
      - alert: PaymentsDown
        expr: up{job='payments-service'} == 0
      - record: slo:sli_error:ratio_rate5m
        expr: >
          sum(rate(http_requests_total{job="payments-service", code=~"5.."}[5m]))
          / sum(rate(http_requests_total{job="payments-service"}[5m]))
      - record: job:http_requests:rate5m
        expr: sum by (job) (rate(http_requests_total{job="payments-service"}[5m]))
      - record: availability:ratio
        expr: avg(avg_over_time(up[5m]))
        labels: { slo: availability, job: payments-service }
  - name: others
    rules:
      - alert: BatchWorkersDown
        expr: avg(up{job=~"batch-.*"}) < 1
      - alert: LedgerDown
        expr: up{job="ledger"} == 0
`;

const component = (
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service' },
});

const context = () => ({
  logger: mockServices.logger.mock(),
  signal: new AbortController().signal,
  deadline: new Date(Date.now() + 10_000),
});

describe('PrometheusCollector against a real Prometheus', () => {
  let target: MetricsTarget;
  let prometheus: PrometheusServer;

  const collector = (options: Partial<PrometheusCollectorOptions> = {}) =>
    new PrometheusCollector({
      client: new PrometheusClient({ baseUrl: prometheus.url }),
      selectorTemplate: 'job="{{job}}"',
      errorRateQuery: DEFAULT_ERROR_RATE_QUERY,
      latencyP99Query: DEFAULT_LATENCY_P99_QUERY,
      ...options,
    });

  beforeAll(async () => {
    target = await startMetricsTarget();
    prometheus = await startPrometheus({
      jobs: [
        { name: 'payments-service', targets: [target.address] },
        {
          name: 'batch-worker',
          metricsPath: '/metrics-idle',
          // The second target has nothing listening: it is down.
          targets: [target.address, `127.0.0.1:${await freePort()}`],
        },
      ],
      rules: RULES,
      readyWhen: [
        // Rates need two scrapes.
        'sum(rate(http_requests_total{job="payments-service"}[5m])) > 0',
      ],
    });
  });

  afterAll(async () => {
    await prometheus?.stop();
    await target?.close();
  });

  it('observes a scraped service: targets, rules, error rate and latency', async () => {
    const facts = await collector().collect(
      [
        component('payments-service', {
          'prometheus.io/job': 'payments-service',
        }),
      ],
      context(),
    );

    const observed = facts.get('component:default/payments-service')!;
    expect(observed).toEqual({
      'prometheus.scraped': true,
      'prometheus.targetsUp': 1,
      'prometheus.alertRules': ['PaymentsDown', 'PaymentsHighErrorRate'],
      'prometheus.sloRules': [
        'availability:ratio',
        'slo:sli_error:ratio_rate5m',
      ],
      'prometheus.errorRate': expect.any(Number),
      'prometheus.latencyP99Seconds': expect.any(Number),
    });
    expect(observed['prometheus.errorRate']).toBeCloseTo(0.05, 4);
    expect(observed['prometheus.latencyP99Seconds']).toBeCloseTo(0.375, 4);
  });

  it('reports the share of targets up, and null for request metrics it does not have', async () => {
    const facts = await collector().collect(
      [component('batch-worker', { 'prometheus.io/job': 'batch-worker' })],
      context(),
    );

    expect(facts.get('component:default/batch-worker')).toEqual({
      'prometheus.scraped': true,
      'prometheus.targetsUp': 0.5,
      // Selected by the regular expression job=~"batch-.*".
      'prometheus.alertRules': ['BatchWorkersDown'],
      'prometheus.sloRules': [],
      'prometheus.errorRate': null,
      'prometheus.latencyP99Seconds': null,
    });
  });

  it('reports a service Prometheus does not scrape as not scraped, not as failing', async () => {
    const facts = await collector().collect(
      [component('ghost', { 'prometheus.io/job': 'ghost-service' })],
      context(),
    );

    expect(facts.get('component:default/ghost')).toEqual({
      'prometheus.scraped': false,
      'prometheus.targetsUp': null,
      'prometheus.alertRules': [],
      'prometheus.sloRules': [],
      'prometheus.errorRate': null,
      'prometheus.latencyP99Seconds': null,
    });
  });

  it('finds the series by the selector annotation or the Roadie plugin query', async () => {
    const facts = await collector().collect(
      [
        component('by-selector', {
          'readiness.dev/prometheus-selector': '{job="payments-service"}',
        }),
        component('by-roadie-rule', {
          'prometheus.io/rule': "up{job='payments-service'}",
          'prometheus.io/alert': 'PaymentsDown',
        }),
      ],
      context(),
    );

    for (const ref of [
      'component:default/by-selector',
      'component:default/by-roadie-rule',
    ]) {
      expect(facts.get(ref)).toMatchObject({
        'prometheus.scraped': true,
        'prometheus.alertRules': ['PaymentsDown', 'PaymentsHighErrorRate'],
      });
    }
  });

  it('collects a batch, leaving out the entity it cannot and logging why', async () => {
    const ctx = context();
    const facts = await collector().collect(
      [
        component('payments-service', {
          'prometheus.io/job': 'payments-service',
        }),
        component('broken', {
          'readiness.dev/prometheus-selector': 'up or vector(1)',
        }),
        component('batch-worker', { 'prometheus.io/job': 'batch-worker' }),
      ],
      ctx,
    );

    expect([...facts.keys()]).toEqual([
      'component:default/payments-service',
      'component:default/batch-worker',
    ]);
    expect(ctx.logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'component:default/broken: annotation readiness.dev/prometheus-selector',
      ),
    );
  });

  it('fails with the server error when Prometheus rejects a query', async () => {
    await expect(
      collector({
        errorRateQuery: 'sum(rate(http_requests_total{ {{selector}} }[5m]',
      }).collect(
        [
          component('payments-service', {
            'prometheus.io/job': 'payments-service',
          }),
        ],
        context(),
      ),
    ).rejects.toThrow(
      /^Prometheus GET \/api\/v1\/query answered 400 Bad Request: bad_data: /,
    );
  });

  it('fails when a query gives a range vector instead of one number', async () => {
    await expect(
      collector({
        latencyP99Query:
          'http_request_duration_seconds_count{ {{selector}} }[1m]',
      }).collect(
        [
          component('payments-service', {
            'prometheus.io/job': 'payments-service',
          }),
        ],
        context(),
      ),
    ).rejects.toThrow(
      'Prometheus GET /api/v1/query answered with a result of type "matrix"; the query must give an instant vector or a scalar',
    );
  });

  it('lists the rules of the server through the rules API', async () => {
    const client = new PrometheusClient({
      baseUrl: prometheus.url,
      rulesPageSize: 1,
    });

    const alerting = await client.rules('alert');
    const recording = await client.rules('record');

    expect(alerting.map(r => r.name).sort()).toEqual([
      'BatchWorkersDown',
      'LedgerDown',
      'PaymentsDown',
      'PaymentsHighErrorRate',
    ]);
    expect(recording.map(r => r.name).sort()).toEqual([
      'availability:ratio',
      'job:http_requests:rate5m',
      'slo:sli_error:ratio_rate5m',
    ]);
    expect(
      recording.find(r => r.name === 'availability:ratio')?.labels,
    ).toEqual({
      slo: 'availability',
      job: 'payments-service',
    });
  });
});
