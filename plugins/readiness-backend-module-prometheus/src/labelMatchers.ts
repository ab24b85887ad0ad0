/*
 * PromQL label matchers (`job="payments"`, `code=~"5.."`): parsing the
 * selector an entity is found by, writing it back into queries safely, and
 * finding the matchers in a rule's expression.
 */

import {
  compileLinearRegex,
  type LinearRegex,
  MatchLimitError,
} from '@readiness/plugin-readiness-common';

/** @internal */
export type MatchOperator = '=' | '!=' | '=~' | '!~';

/** One label matcher, with its value unquoted. @internal */
export interface LabelMatcher {
  label: string;
  op: MatchOperator;
  value: string;
}

const LABEL = '[a-zA-Z_][a-zA-Z0-9_]*';
const OPERATOR = '=~|!~|!=|=';
// Double- and single-quoted strings with backslash escapes, and raw strings.
const STRING = '"(?:[^"\\\\\\n]|\\\\.)*"|\'(?:[^\'\\\\\\n]|\\\\.)*\'|`[^`]*`';
const MATCHER = `(${LABEL})\\s*(${OPERATOR})\\s*(${STRING})`;

const ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** The value of a PromQL string literal, quotes and escapes removed. */
function unquote(literal: string): string {
  const body = literal.slice(1, -1);
  if (literal.startsWith('`')) {
    return body;
  }
  return body.replace(/\\(.)/g, (_, char: string) => ESCAPES[char] ?? char);
}

/** A label value written as a double-quoted PromQL string, without quotes. */
export function escapeLabelValue(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n');
}

/** Matchers written back as PromQL, e.g. `job="payments",env="prod"`. */
export function formatMatchers(matchers: LabelMatcher[]): string {
  return matchers
    .map(m => `${m.label}${m.op}"${escapeLabelValue(m.value)}"`)
    .join(',');
}

/**
 * A selector: label matchers separated by commas, optionally in braces, such
 * as `job="payments", env=~"prod|staging"`. Anything else (a metric name, a
 * function, a second pair of braces) is refused, so that what is written
 * into queries is only ever a list of matchers.
 *
 * @throws Error saying what is wrong, for the caller to prefix with the
 *   selector's origin.
 */
export function parseSelector(text: string): LabelMatcher[] {
  let rest = text.trim();
  if (rest.startsWith('{') && rest.endsWith('}')) {
    rest = rest.slice(1, -1);
  }
  const matcher = new RegExp(`\\s*${MATCHER}\\s*(,|$)`, 'y');
  const matchers: LabelMatcher[] = [];
  while (matcher.lastIndex < rest.length) {
    const at = matcher.lastIndex;
    const match = matcher.exec(rest);
    if (!match) {
      if (rest.slice(at).trim() === '') {
        break;
      }
      throw new Error(
        `expected label matchers such as job="payments", found "${rest.slice(
          at,
        )}"`,
      );
    }
    matchers.push({
      label: match[1],
      op: match[2] as MatchOperator,
      value: unquote(match[3]),
    });
  }
  if (matchers.length === 0) {
    throw new Error('has no label matchers, such as job="payments"');
  }
  if (!matchers.some(m => m.op === '=' || m.op === '=~')) {
    throw new Error(
      'needs at least one = or =~ matcher; negative matchers alone select too much',
    );
  }
  return matchers;
}

/**
 * Every label matcher written in a PromQL expression, wherever it is. Label
 * matchers are the only place PromQL puts a string right after `=`, `!=`,
 * `=~` or `!~`, so a scan finds them without a full parser.
 */
export function findMatchers(expression: string): LabelMatcher[] {
  const matcher = new RegExp(`(?<![a-zA-Z0-9_])${MATCHER}`, 'g');
  return [...expression.matchAll(matcher)].map(match => ({
    label: match[1],
    op: match[2] as MatchOperator,
    value: unquote(match[3]),
  }));
}

/*
 * Rule regexes come from the Prometheus server's rule files and are matched
 * against values from anyone's catalog file, so they run on Readiness's
 * linear-time matcher, never on a backtracking RegExp. PromQL regexes are
 * RE2 and anchored at both ends; those written the same in JavaScript work,
 * the others (`(?i)`, `\pL`, `[[:alpha:]]`) are refused.
 */

// A rule regex only meets short label values, so a larger automaton than
// a scorecard's is still quick (long alternations of job names are common).
// Label values are short; the value matched comes from an entity.
const RULE_REGEX_LIMITS = { maxStates: 20_000, maxSubjectLength: 4096 };
const CACHE_SIZE = 1000;
const compiledRuleRegexes = new Map<string, LinearRegex | string>();

/**
 * A rule regex compiled, or why it cannot be used; `refused` hears the
 * reason once, when the pattern is first met (rule lists are reused).
 */
function ruleRegex(
  pattern: string,
  refused: (problem: string) => void,
): LinearRegex | string {
  let compiled = compiledRuleRegexes.get(pattern);
  if (compiled === undefined) {
    try {
      // On its own first, so that `a)|(b` cannot undo the anchors.
      RegExp(pattern, 'u');
      compiled = compileLinearRegex(`^(?:${pattern})$`, RULE_REGEX_LIMITS);
    } catch (error) {
      compiled = `Prometheus rule regex "${pattern}" is not used to match labels: ${
        (error as Error).message
      }`;
      refused(compiled);
    }
    if (compiledRuleRegexes.size >= CACHE_SIZE) {
      compiledRuleRegexes.delete(compiledRuleRegexes.keys().next().value!);
    }
    compiledRuleRegexes.set(pattern, compiled);
  }
  return compiled;
}

/** Whether a PromQL regular expression matches the whole value. */
function fullyMatches(
  pattern: string,
  value: string,
  refused: (problem: string) => void,
): boolean {
  const regex = ruleRegex(pattern, refused);
  // A regex that cannot be used, or a value too long or too costly to match
  // against, is no evidence either way.
  if (typeof regex === 'string') {
    return false;
  }
  try {
    return regex.test(value);
  } catch (error) {
    if (error instanceof MatchLimitError) {
      refused(`Prometheus rule regex "${pattern}": ${error.message}`);
      return false;
    }
    throw error;
  }
}

/**
 * Whether a rule is about the entity: each of the entity's matchers appears
 * in the rule's expression (the same matcher, or for `label="value"` a
 * `label=~"…"` whose pattern matches the value) or, for `label="value"`, in
 * the rule's own labels. A rule regex that cannot be matched in linear time
 * (or is not JavaScript syntax) selects nothing; `refused` hears why.
 */
export function ruleSelects(
  selector: LabelMatcher[],
  rule: { query: string; labels?: Record<string, string> },
  refused: (problem: string) => void = () => {},
): boolean {
  const inExpression = findMatchers(rule.query);
  return selector.every(
    wanted =>
      (wanted.op === '=' && rule.labels?.[wanted.label] === wanted.value) ||
      inExpression.some(
        found =>
          found.label === wanted.label &&
          ((found.op === wanted.op && found.value === wanted.value) ||
            (wanted.op === '=' &&
              found.op === '=~' &&
              fullyMatches(found.value, wanted.value, refused))),
      ),
  );
}
