/**
 * A regular expression as a tree, just detailed enough to compile it into an
 * automaton: every atom that matches one character is kept as its source
 * text, which a native RegExp can decide for one code point. `source` is the
 * node's text in the pattern.
 */
export type RegexNode =
  /** Matches exactly one character: a literal, `.`, an escape or a class. */
  | { type: 'char'; source: string }
  /** Zero-width: `^`, `$`, `\b`, `\B`. */
  | { type: 'assertion'; source: string }
  | { type: 'backreference'; source: string }
  | {
      type: 'group';
      lookaround: boolean;
      /** Inline flags such as `(?i:…)`, which newer engines accept. */
      modifiers: boolean;
      alternatives: RegexNode[][];
      source: string;
    }
  | {
      type: 'quantified';
      node: RegexNode;
      min: number;
      max: number;
      /** The `{n,m}` or `*`, `+`, `?` text. */
      quantifier: string;
      source: string;
    };

/**
 * Parses a pattern that is known to compile with the `u` flag. Unicode mode
 * keeps the grammar regular enough for this: no Annex B leniency such as a
 * literal `{`, so every `{` after an atom is a quantifier.
 */
export function parseRegex(pattern: string): RegexNode[][] {
  let pos = 0;

  function skipPast(closing: string) {
    pos = pattern.indexOf(closing, pos) + 1;
  }

  function skipClass() {
    while (pattern[pos] !== ']') {
      pos += pattern[pos] === '\\' ? 2 : 1;
    }
    pos += 1;
  }

  function escape(start: number): RegexNode {
    const c = pattern[pos++];
    if (c === 'b' || c === 'B') {
      return { type: 'assertion', source: pattern.slice(start, pos) };
    }
    if (c === 'k') {
      skipPast('>');
      return { type: 'backreference', source: pattern.slice(start, pos) };
    }
    if (c >= '1' && c <= '9') {
      while (/\d/.test(pattern[pos] ?? '')) pos += 1;
      return { type: 'backreference', source: pattern.slice(start, pos) };
    }
    if ((c === 'u' || c === 'p' || c === 'P') && pattern[pos] === '{') {
      skipPast('}');
    } else if (c === 'u') {
      pos += 4;
      // In Unicode mode `\uD83D\uDE00` is one code point, as `😀` is.
      if (
        /^\\u[dD][89abAB]/.test(pattern.slice(start, pos)) &&
        /^\\u[dD][c-fC-F][0-9a-fA-F]{2}/.test(pattern.slice(pos, pos + 6))
      ) {
        pos += 6;
      }
    } else if (c === 'x') {
      pos += 2;
    } else if (c === 'c') {
      pos += 1;
    }
    return { type: 'char', source: pattern.slice(start, pos) };
  }

  function quantifier(): { min: number; max: number } | undefined {
    const c = pattern[pos];
    let bounds: { min: number; max: number } | undefined;
    if (c === '*') bounds = { min: 0, max: Infinity };
    else if (c === '+') bounds = { min: 1, max: Infinity };
    else if (c === '?') bounds = { min: 0, max: 1 };
    if (bounds) {
      pos += 1;
    } else if (c === '{') {
      const close = pattern.indexOf('}', pos);
      const [min, max] = pattern.slice(pos + 1, close).split(',');
      bounds = {
        min: Number(min),
        max: max === undefined ? Number(min) : Number(max || Infinity),
      };
      pos = close + 1;
    }
    if (bounds && pattern[pos] === '?') {
      pos += 1; // lazy: another order, the same answer to whether it matches
    }
    return bounds;
  }

  function group(start: number): RegexNode {
    let lookaround = false;
    let modifiers = false;
    if (pattern[pos] === '?') {
      const next = pattern.slice(pos + 1, pos + 3);
      lookaround = /^(=|!|<=|<!)/.test(next);
      modifiers = !lookaround && !/^[:<]/.test(next);
      if (lookaround) {
        pos += next.startsWith('<') ? 3 : 2;
      } else {
        // A named group, or `(?:` with any modifiers such as `(?i:`.
        skipPast(next.startsWith('<') ? '>' : ':');
      }
    }
    const inner = alternatives();
    pos += 1; // ')'
    return {
      type: 'group',
      lookaround,
      modifiers,
      alternatives: inner,
      source: pattern.slice(start, pos),
    };
  }

  function atom(): RegexNode {
    const start = pos;
    const c = pattern[pos++];
    if (c === '^' || c === '$') {
      return { type: 'assertion', source: c };
    }
    if (c === '(') {
      return group(start);
    }
    if (c === '\\') {
      return escape(start);
    }
    if (c === '[') {
      skipClass();
    } else if (pattern.codePointAt(start)! > 0xffff) {
      pos += 1; // the second half of a surrogate pair
    }
    return { type: 'char', source: pattern.slice(start, pos) };
  }

  function sequence(): RegexNode[] {
    const nodes: RegexNode[] = [];
    while (
      pos < pattern.length &&
      pattern[pos] !== '|' &&
      pattern[pos] !== ')'
    ) {
      const start = pos;
      const node = atom();
      const quantifierStart = pos;
      const bounds = quantifier();
      nodes.push(
        bounds
          ? {
              type: 'quantified',
              node,
              ...bounds,
              quantifier: pattern.slice(quantifierStart, pos),
              source: pattern.slice(start, pos),
            }
          : node,
      );
    }
    return nodes;
  }

  function alternatives(): RegexNode[][] {
    const result = [sequence()];
    while (pattern[pos] === '|') {
      pos += 1;
      result.push(sequence());
    }
    return result;
  }

  return alternatives();
}
