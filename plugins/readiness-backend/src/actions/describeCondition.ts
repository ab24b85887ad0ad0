import {
  Condition,
  FactCondition,
  Scalar,
  truncateText,
} from '@readiness/plugin-readiness-common';

/** Lines of a rendered condition; the rest are counted. */
export const MAX_CONDITION_LINES = 60;
/** Characters of a value (a regular expression, a list) in a line. */
const VALUE_CHARS = 120;
const INDENT = '  ';

/** What a condition reads, besides how it decides. */
export interface ConditionReads {
  facts: string[];
  attestations: string[];
  checks: string[];
}

/** A condition in words, one line per node, indented as it nests. */
export interface DescribedCondition extends ConditionReads {
  lines: string[];
  /** Lines left out after {@link MAX_CONDITION_LINES}. */
  omittedLines: number;
}

const value = (v: Scalar | Scalar[]) =>
  truncateText(JSON.stringify(v), VALUE_CHARS);

/** One fact leaf in words, e.g. `catalog.annotations[pagerduty.com/service-id] is set`. */
function describeFact(leaf: FactCondition): string {
  const fact = leaf.key === undefined ? leaf.fact : `${leaf.fact}[${leaf.key}]`;
  const tests: string[] = [];
  if (leaf.exists !== undefined) {
    tests.push(leaf.exists ? 'is set' : 'is not set');
  }
  if (leaf.equals !== undefined) tests.push(`equals ${value(leaf.equals)}`);
  if (leaf.notEquals !== undefined) {
    tests.push(`does not equal ${value(leaf.notEquals)}`);
  }
  if (leaf.in !== undefined) tests.push(`is one of ${value(leaf.in)}`);
  if (leaf.contains !== undefined) {
    tests.push(`contains ${value(leaf.contains)}`);
  }
  if (leaf.prefix !== undefined) {
    tests.push(`starts with ${value(leaf.prefix)}`);
  }
  if (leaf.matches !== undefined) {
    tests.push(`matches the regular expression ${value(leaf.matches)}`);
  }
  if (leaf.lt !== undefined) tests.push(`is less than ${leaf.lt}`);
  if (leaf.lte !== undefined) tests.push(`is at most ${leaf.lte}`);
  if (leaf.gt !== undefined) tests.push(`is more than ${leaf.gt}`);
  if (leaf.gte !== undefined) tests.push(`is at least ${leaf.gte}`);
  const age =
    leaf.maxAge === undefined
      ? ''
      : `observed within ${truncateText(leaf.maxAge, 40)}`;
  if (tests.length === 0) {
    return `${fact} was ${age || 'observed'}`;
  }
  return age
    ? `${fact} ${tests.join(' and ')}, ${age}`
    : `${fact} ${tests.join(' and ')}`;
}

/**
 * Renders a check's condition tree as indented lines an agent can read
 * ("all of:", "any of:", leaves such as `catalog.owner is set`), at most
 * {@link MAX_CONDITION_LINES}, and lists the facts, attestations and
 * checks it reads. The tree is bounded by the scorecard limits
 * (`maxConditionNodesPerCheck`), so walking all of it is too.
 */
export function describeCondition(condition: Condition): DescribedCondition {
  const lines: string[] = [];
  let omittedLines = 0;
  const facts = new Set<string>();
  const attestations = new Set<string>();
  const checks = new Set<string>();
  const emit = (depth: number, text: string) => {
    if (lines.length < MAX_CONDITION_LINES) {
      lines.push(`${INDENT.repeat(depth)}${text}`);
    } else {
      omittedLines += 1;
    }
  };
  const walk = (node: Condition, depth: number) => {
    if ('all' in node) {
      emit(depth, 'all of:');
      node.all.forEach(child => walk(child, depth + 1));
    } else if ('any' in node) {
      emit(depth, 'any of:');
      node.any.forEach(child => walk(child, depth + 1));
    } else if ('firstKnown' in node) {
      emit(depth, 'the first of these that is known (not unknown) decides:');
      node.firstKnown.forEach(child => walk(child, depth + 1));
    } else if ('not' in node) {
      emit(depth, 'not:');
      walk(node.not, depth + 1);
    } else if ('fact' in node) {
      facts.add(node.fact);
      emit(depth, describeFact(node));
    } else if ('attestation' in node) {
      attestations.add(node.attestation);
      emit(
        depth,
        `the owners attested "${node.attestation}"${
          node.maxAge === undefined
            ? ''
            : ` within ${truncateText(node.maxAge, 40)}`
        }`,
      );
    } else if ('check' in node) {
      checks.add(node.check);
      emit(depth, `check ${node.check} passes`);
    }
  };
  walk(condition, 0);
  return {
    lines,
    omittedLines,
    facts: [...facts],
    attestations: [...attestations],
    checks: [...checks],
  };
}
