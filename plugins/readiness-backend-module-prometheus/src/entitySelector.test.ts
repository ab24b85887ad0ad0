import { appliesToEntity } from '@readiness/plugin-readiness-common';
import {
  Entity,
  entitySelector,
  PROMETHEUS_APPLIES_TO,
  validateSelectorTemplate,
} from './entitySelector';

const entity = (annotations?: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'Payments', namespace: 'Shop', annotations },
  spec: { type: 'service' },
});

describe('entitySelector', () => {
  it('uses readiness.dev/prometheus-selector as written, first', () => {
    expect(
      entitySelector(
        entity({
          'readiness.dev/prometheus-selector': 'service="pay",env="prod"',
          'prometheus.io/job': 'ignored',
        }),
        'job="{{job}}"',
      ),
    ).toEqual([
      { label: 'service', op: '=', value: 'pay' },
      { label: 'env', op: '=', value: 'prod' },
    ]);
  });

  it('puts prometheus.io/job and the entity into the template, escaped', () => {
    expect(
      entitySelector(
        entity({ 'prometheus.io/job': 'pay"} or vector(1) or up{x="' }),
        'job="{{job}}",app="{{ name }}",ns="{{namespace}}"',
      ),
    ).toEqual([
      { label: 'job', op: '=', value: 'pay"} or vector(1) or up{x="' },
      { label: 'app', op: '=', value: 'Payments' },
      { label: 'ns', op: '=', value: 'Shop' },
    ]);
  });

  it("takes the first label matchers of the Roadie plugin's query", () => {
    expect(
      entitySelector(
        entity({
          'prometheus.io/rule':
            "sum(rate(http_requests_total{job='pay',code=~\"5..\"}[5m]))|code,up{job='other'}",
        }),
        'job="{{job}}"',
      ),
    ).toEqual([
      { label: 'job', op: '=', value: 'pay' },
      { label: 'code', op: '=~', value: '5..' },
    ]);
  });

  it.each([
    [
      { 'readiness.dev/prometheus-selector': 'up' },
      'annotation readiness.dev/prometheus-selector "up" expected label matchers',
    ],
    [{ 'prometheus.io/job': ' ' }, 'annotation prometheus.io/job is empty'],
    [
      { 'prometheus.io/rule': 'memUsage|component' },
      'annotation prometheus.io/rule "memUsage|component" has no label matchers in braces',
    ],
    [{}, 'none of the annotations'],
  ])('explains what is wrong with %j', (annotations, problem) => {
    expect(() => entitySelector(entity(annotations), 'job="{{job}}"')).toThrow(
      problem,
    );
  });
});

describe('validateSelectorTemplate', () => {
  it('accepts templates that make label matchers', () => {
    expect(() =>
      validateSelectorTemplate('service="{{job}}", env="prod"'),
    ).not.toThrow();
  });

  it.each([
    ['job="{{team}}"', 'unknown placeholder {{team}}'],
    ['job={{job}}', 'expected label matchers'],
    ['{{job}}', 'expected label matchers'],
  ])('refuses %j', (template, problem) => {
    expect(() => validateSelectorTemplate(template)).toThrow(problem);
  });
});

describe('PROMETHEUS_APPLIES_TO', () => {
  it('selects entities with one of the annotations', () => {
    for (const annotation of [
      'readiness.dev/prometheus-selector',
      'prometheus.io/job',
      'prometheus.io/rule',
    ]) {
      expect(
        appliesToEntity(PROMETHEUS_APPLIES_TO, entity({ [annotation]: 'x' })),
      ).toBe(true);
    }
    expect(
      appliesToEntity(
        PROMETHEUS_APPLIES_TO,
        entity({ 'prometheus.io/alert': 'x' }),
      ),
    ).toBe(false);
    expect(appliesToEntity(PROMETHEUS_APPLIES_TO, entity())).toBe(false);
  });
});
