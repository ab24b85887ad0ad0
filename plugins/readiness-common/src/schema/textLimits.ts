import { limitMessage, ScorecardLimits } from './limits';

function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      bytes += 1; // each half of a surrogate pair: 4 bytes for the two
    } else if (code >= 0x800) {
      bytes += 2;
    } else if (code >= 0x80) {
      bytes += 1;
    }
  }
  return bytes;
}

/**
 * Where flow collections (`[`, `{`) first nest deeper than `limit`, counted
 * on the text alone. The YAML parser composes flow collections recursively and runs out
 * of memory, killing the process, some thousands of levels deep, so this is
 * checked before parsing. Brackets inside quoted strings count too, which
 * only matters for text with dozens of unclosed brackets.
 */
function tooDeep(text: string, limit: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 0x5b || char === 0x7b) {
      depth++;
      if (depth > limit) {
        return i;
      }
    } else if ((char === 0x5d || char === 0x7d) && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

/**
 * Why the text of a scorecard file is not even parsed, and the offset in
 * the text to point at; undefined if it can be parsed.
 */
export function textLimitProblem(
  text: string,
  limits: ScorecardLimits,
): { offset: number; message: string } | undefined {
  const bytes = utf8Length(text);
  if (bytes > limits.maxBytes) {
    return {
      offset: 0,
      message: limitMessage(`the file is ${bytes} bytes`, 'maxBytes', limits),
    };
  }
  const offset = tooDeep(text, limits.maxDepth);
  if (offset !== undefined) {
    return {
      offset,
      message: limitMessage(
        `brackets ([ or {) nest more than ${limits.maxDepth} levels deep`,
        'maxDepth',
        limits,
      ),
    };
  }
  return undefined;
}
