import { LinearRegex } from './linearRegex';
import { parseRegex, RegexNode } from './regexSyntax';

/** Most states of the automaton of one pattern, unless told otherwise. */
export const MAX_REGEX_STATES = 2000;

/**
 * Limits of a compiled pattern; their product bounds the time of a test.
 *
 * @public
 */
export interface LinearRegexLimits {
  /** Most states of its automaton; default `MAX_REGEX_STATES` (2000). */
  maxStates?: number;
  /** Longest text `test` accepts, in UTF-16 code units; default none. */
  maxSubjectLength?: number;
}

/**
 * Compiles a pattern that compiles with the `u` flag, has no backreferences
 * and no lookaround; throws saying why it cannot otherwise.
 *
 * @public
 */
export function compileLinearRegex(
  pattern: string,
  limits: LinearRegexLimits = {},
): LinearRegex {
  try {
    RegExp(pattern, 'u');
  } catch (error) {
    throw new Error(
      `regular expression does not compile: ${(error as Error).message}`,
    );
  }
  const tree = parseRegex(pattern);
  const problem = nonRegularFeature(tree);
  if (problem !== undefined) {
    throw new Error(problem);
  }
  return new LinearRegex(
    pattern,
    tree,
    limits.maxStates ?? MAX_REGEX_STATES,
    limits.maxSubjectLength ?? Infinity,
  );
}

function* walk(nodes: RegexNode[][]): Generator<RegexNode> {
  for (const sequence of nodes) {
    for (const node of sequence) {
      yield node;
      if (node.type === 'group') {
        yield* walk(node.alternatives);
      } else if (node.type === 'quantified') {
        yield* walk([[node.node]]);
      }
    }
  }
}

/** What an automaton cannot do, or that this one does not. */
function nonRegularFeature(tree: RegexNode[][]): string | undefined {
  for (const node of walk(tree)) {
    if (node.type === 'backreference') {
      return `backreferences are not allowed: ${node.source}`;
    }
    if (node.type === 'group' && node.lookaround) {
      return `lookahead and lookbehind are not allowed: ${node.source}`;
    }
    if (node.type === 'group' && node.modifiers) {
      return `inline flags are not allowed: ${node.source}`;
    }
  }
  return undefined;
}
