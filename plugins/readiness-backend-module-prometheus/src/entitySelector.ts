import type { EntityPredicate } from '@readiness/plugin-readiness-common';
import type { FactCollector } from '@readiness/plugin-readiness-node';
import { escapeLabelValue, LabelMatcher, parseSelector } from './labelMatchers';

/** A catalog entity, as collectors receive it. @internal */
export type Entity = Parameters<FactCollector['collect']>[0][number];

/** Label matchers for the entity's series, used as written. */
export const SELECTOR_ANNOTATION = 'readiness.dev/prometheus-selector';
/** The entity's scrape job, put into the configured selector template. */
export const JOB_ANNOTATION = 'prometheus.io/job';
/** The Roadie Prometheus plugin's query; its first label matchers are used. */
export const RULE_ANNOTATION = 'prometheus.io/rule';

/** The entities the collector applies to: those with one of the annotations. */
export const PROMETHEUS_APPLIES_TO: EntityPredicate = {
  $any: [
    { [`metadata.annotations.${SELECTOR_ANNOTATION}`]: { $exists: true } },
    { [`metadata.annotations.${JOB_ANNOTATION}`]: { $exists: true } },
    { [`metadata.annotations.${RULE_ANNOTATION}`]: { $exists: true } },
  ],
};

/** The selector template's default: the job annotation's value. */
export const DEFAULT_SELECTOR_TEMPLATE = 'job="{{job}}"';

const TEMPLATE_VARIABLES = ['job', 'name', 'namespace'] as const;
type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\s*\}\}/g;

/**
 * The selector template with the entity's values, each escaped for a
 * double-quoted PromQL string, so a value cannot break out of its quotes.
 */
export function renderSelectorTemplate(
  template: string,
  values: Record<TemplateVariable, string>,
): string {
  return template.replace(PLACEHOLDER, (placeholder, name: string) => {
    if (!(TEMPLATE_VARIABLES as readonly string[]).includes(name)) {
      throw new Error(
        `unknown placeholder ${placeholder}; use ${TEMPLATE_VARIABLES.map(
          v => `{{${v}}}`,
        ).join(', ')}`,
      );
    }
    return escapeLabelValue(values[name as TemplateVariable]);
  });
}

/**
 * Checks a selector template at start-up, so that a mistake stops the
 * backend with the config key instead of failing every entity later.
 */
export function validateSelectorTemplate(template: string): void {
  parseSelector(
    renderSelectorTemplate(template, {
      job: 'job',
      name: 'name',
      namespace: 'namespace',
    }),
  );
}

// The content of the first pair of braces, skipping braces inside strings.
const FIRST_BRACES =
  /\{((?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`|[^{}"'`])*)\}/;

/**
 * The label matchers that find the entity's series, from its annotations,
 * first found first:
 *
 * 1. `readiness.dev/prometheus-selector`: label matchers as written,
 *    e.g. `service="payments",env="prod"`;
 * 2. `prometheus.io/job`: the configured selector template (by default
 *    `job="{{job}}"`) with the job, and the entity's name and namespace;
 * 3. `prometheus.io/rule` (the Roadie Prometheus plugin's query, e.g.
 *    `up{job='payments'}`): the label matchers of its first braces.
 *
 * @throws Error naming the annotation when it holds no usable selector.
 */
export function entitySelector(
  entity: Entity,
  template: string,
): LabelMatcher[] {
  const annotations = entity.metadata.annotations ?? {};
  const parse = (annotation: string, text: string) => {
    try {
      return parseSelector(text);
    } catch (error) {
      throw new Error(
        `annotation ${annotation} "${annotations[annotation]}" ${
          (error as Error).message
        }`,
      );
    }
  };
  if (annotations[SELECTOR_ANNOTATION] !== undefined) {
    return parse(SELECTOR_ANNOTATION, annotations[SELECTOR_ANNOTATION]);
  }
  if (annotations[JOB_ANNOTATION] !== undefined) {
    const job = annotations[JOB_ANNOTATION].trim();
    if (!job) {
      throw new Error(`annotation ${JOB_ANNOTATION} is empty`);
    }
    return parse(
      JOB_ANNOTATION,
      renderSelectorTemplate(template, {
        job,
        name: entity.metadata.name,
        namespace: entity.metadata.namespace ?? 'default',
      }),
    );
  }
  if (annotations[RULE_ANNOTATION] !== undefined) {
    const braces = FIRST_BRACES.exec(annotations[RULE_ANNOTATION]);
    if (!braces) {
      throw new Error(
        `annotation ${RULE_ANNOTATION} "${annotations[RULE_ANNOTATION]}" has no label matchers in braces to find the entity's series by; set ${JOB_ANNOTATION} or ${SELECTOR_ANNOTATION}`,
      );
    }
    return parse(RULE_ANNOTATION, braces[1]);
  }
  throw new Error(
    `none of the annotations ${SELECTOR_ANNOTATION}, ${JOB_ANNOTATION}, ${RULE_ANNOTATION} is set`,
  );
}
