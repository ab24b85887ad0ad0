import { PROMETHEUS_FACTS } from '@readiness/plugin-readiness-common';
import {
  abortError,
  PerEntityFactCollector,
  type CollectedFacts,
  type FactCollectorContext,
} from '@readiness/plugin-readiness-node';
import {
  Entity,
  entitySelector,
  PROMETHEUS_APPLIES_TO,
} from './entitySelector';
import { formatMatchers, LabelMatcher, ruleSelects } from './labelMatchers';
import type {
  PrometheusClient,
  PrometheusRule,
  PrometheusSample,
  RequestOptions,
} from './PrometheusClient';

/** @internal */
export interface PrometheusCollectorOptions {
  client: Pick<PrometheusClient, 'query' | 'rules'>;
  /** Label matchers from `prometheus.io/job`, e.g. `job="{{job}}"`. */
  selectorTemplate: string;
  /** PromQL giving the share of failed requests; `{{selector}}` is replaced. */
  errorRateQuery: string;
  /** PromQL giving the p99 latency in seconds; `{{selector}}` is replaced. */
  latencyP99Query: string;
  /** How long the rule lists are reused across entities. Default 30 s. */
  rulesCacheMs?: number;
}

interface Rules {
  alerting: PrometheusRule[];
  recording: PrometheusRule[];
}

const SELECTOR_PLACEHOLDER = /\{\{\s*selector\s*\}\}/g;

/** The query with the entity's selector in place of `{{selector}}`. */
export function renderQuery(template: string, selector: string): string {
  return template.replace(SELECTOR_PLACEHOLDER, selector);
}

/** Whether a query template has the `{{selector}}` placeholder. */
export function hasSelectorPlaceholder(template: string): boolean {
  return new RegExp(SELECTOR_PLACEHOLDER.source).test(template);
}

/**
 * The one number a query gives: `null` when it gives no sample or only
 * `NaN` (no series, or no requests in the window: observed, nothing there);
 * the highest when it gives several (the worst series counts). An infinite
 * value is no measurement and fails the entity rather than being reported
 * as a made-up number.
 */
function singleValue(samples: PrometheusSample[], fact: string): number | null {
  const values = samples.map(s => s.value).filter(v => !Number.isNaN(v));
  if (values.length === 0) {
    return null;
  }
  const infinite = values.find(v => !Number.isFinite(v));
  if (infinite !== undefined) {
    throw new Error(
      `the query for ${fact} gave ${
        infinite > 0 ? '+Inf' : '-Inf'
      }, which is not a measurement (for a latency: above the highest histogram bucket)`,
    );
  }
  return values.reduce((worst, v) => (v > worst ? v : worst));
}

const isSloRule = (rule: PrometheusRule) =>
  /^(slo|sli):/.test(rule.name) || 'slo' in rule.labels || 'sli' in rule.labels;

function namesOfRulesSelecting(
  rules: PrometheusRule[],
  selector: LabelMatcher[],
  refused: (problem: string) => void,
): string[] {
  const names = rules
    .filter(rule => ruleSelects(selector, rule, refused))
    .map(rule => rule.name);
  return [...new Set(names)].sort();
}

/** The promise, given up on as soon as the signal is aborted. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    return Promise.reject(abortError(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      value => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      error => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * The Prometheus facts of each entity: whether its targets are scraped and
 * up (`up`), the alerting and SLO recording rules about it, and its error
 * rate and p99 latency from the configured queries. Every entity is found
 * by label matchers from its annotations (see `entitySelector`).
 *
 * The client limits the requests in flight across every call; the rule
 * lists, the same for every entity, are fetched once and reused for a short
 * while. An entity whose facts cannot be observed is left out of a batch;
 * when every entity of the batch fails (always, for a batch of one), the
 * first error is thrown, so that the backend keeps the last good facts and
 * reports the reason, never a made-up value.
 *
 * @internal
 */
export class PrometheusCollector extends PerEntityFactCollector {
  readonly id = 'prometheus';
  readonly facts = PROMETHEUS_FACTS;
  readonly appliesTo = PROMETHEUS_APPLIES_TO;

  private readonly rulesCacheMs: number;
  private cachedRules?: { promise: Promise<Rules>; until: number };

  protected readonly batchOptions = { source: 'Prometheus' };

  constructor(private readonly options: PrometheusCollectorOptions) {
    super();
    this.rulesCacheMs = options.rulesCacheMs ?? 30_000;
  }

  protected async collectOne(
    entity: Entity,
    context: FactCollectorContext,
  ): Promise<CollectedFacts> {
    const matchers = entitySelector(entity, this.options.selectorTemplate);
    const selector = formatMatchers(matchers);
    // The first failure, or the deadline, cancels the entity's requests.
    const cancel = new AbortController();
    const signal = AbortSignal.any([context.signal, cancel.signal]);
    const timer = setTimeout(
      () => cancel.abort(new Error('the collection deadline passed')),
      Math.max(0, context.deadline.getTime() - Date.now()),
    );
    const request: RequestOptions = { signal, deadline: context.deadline };
    const cancelOnFailure = <T>(promise: Promise<T>) =>
      promise.catch(error => {
        cancel.abort(error);
        throw error;
      });
    const query = (promql: string) =>
      cancelOnFailure(this.options.client.query(promql, request));
    let up: PrometheusSample[];
    let errorRate: PrometheusSample[];
    let latency: PrometheusSample[];
    let rules: Rules;
    try {
      [up, errorRate, latency, rules] = await Promise.all([
        query(`avg(up{${selector}})`),
        query(renderQuery(this.options.errorRateQuery, selector)),
        query(renderQuery(this.options.latencyP99Query, selector)),
        cancelOnFailure(untilAborted(this.rules(), signal)),
      ]);
    } finally {
      clearTimeout(timer);
    }
    const targetsUp = singleValue(up, 'prometheus.targetsUp');
    const refused = (problem: string) => context.logger.warn(problem);
    return {
      'prometheus.scraped': targetsUp !== null,
      'prometheus.targetsUp': targetsUp,
      'prometheus.alertRules': namesOfRulesSelecting(
        rules.alerting,
        matchers,
        refused,
      ),
      'prometheus.sloRules': namesOfRulesSelecting(
        rules.recording.filter(isSloRule),
        matchers,
        refused,
      ),
      'prometheus.errorRate': singleValue(errorRate, 'prometheus.errorRate'),
      'prometheus.latencyP99Seconds': singleValue(
        latency,
        'prometheus.latencyP99Seconds',
      ),
    };
  }

  /**
   * The alerting and recording rules, shared by concurrent callers and
   * reused for `rulesCacheMs`. The fetch is not tied to any one caller's
   * signal (each gives up on its own), and a failure is not kept.
   */
  private rules(): Promise<Rules> {
    const now = Date.now();
    if (this.cachedRules && this.cachedRules.until > now) {
      return this.cachedRules.promise;
    }
    const { client } = this.options;
    const promise = Promise.all([
      client.rules('alert'),
      client.rules('record'),
    ]).then(([alerting, recording]) => ({ alerting, recording }));
    const entry = { promise, until: Infinity };
    this.cachedRules = entry;
    promise.then(
      () => {
        entry.until = Date.now() + this.rulesCacheMs;
      },
      () => {
        if (this.cachedRules === entry) {
          this.cachedRules = undefined;
        }
      },
    );
    return promise;
  }
}
