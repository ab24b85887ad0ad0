import { InputError } from '@backstage/errors';
import {
  Composer,
  CST,
  Document,
  isScalar,
  Lexer,
  LineCounter,
  Parser,
  visit,
} from 'yaml';
import type { Node } from 'yaml';

/**
 * What a catalog-info file's YAML may use. The `yaml` library takes time
 * quadratic in anchors and aliases, and far more for deeply nested
 * mappings used as keys; a file from a template's user must not stall the
 * Scaffolder. Catalog files need neither.
 */
export const CATALOG_INFO_YAML_LIMITS = Object.freeze({
  /** Anchors (`&name`) and aliases (`*name`) together. */
  maxAnchorsAndAliases: 16,
  /**
   * Levels of nesting, estimated on the text: brackets, `-`, `?` and `:`
   * on a line, and half its indentation. Deeply nested text makes the
   * parser build huge trees (hundreds of MB for 256 KiB of `[`).
   */
  maxDepth: 64,
});

/** Lexer tokens that open or close a flow collection. */
const FLOW_START = new Set<string>(['flow-seq-start', 'flow-map-start']);
const FLOW_END = new Set<string>([
  'flow-seq-end',
  'flow-map-end',
  'flow-error-end',
]);
/** Block indicators that each open a level on the line. */
const BLOCK_INDICATORS = new Set<string>([
  'seq-item-ind',
  'explicit-key-ind',
  'map-value-ind',
]);

function newlinesIn(token: string): number {
  let count = 0;
  for (let i = token.indexOf('\n'); i !== -1; i = token.indexOf('\n', i + 1)) {
    count += 1;
  }
  return count;
}

/**
 * Why the text is refused before it is parsed: too many anchors and
 * aliases, or nesting too deep. One pass of the lexer, linear in the text.
 */
export function yamlTextProblem(text: string): string | undefined {
  const { maxAnchorsAndAliases, maxDepth } = CATALOG_INFO_YAML_LIMITS;
  let anchorsAndAliases = 0;
  let line = 1;
  let flowLevel = 0;
  let lineIndent = 0;
  let lineIndicators = 0;
  let atLineStart = true;
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    // The token after a scalar mark is the scalar's text, whatever it reads.
    const type: string = scalarNext
      ? 'scalar-source'
      : CST.tokenType(token) ?? 'other';
    scalarNext = type === 'scalar';
    if (type === 'scalar' || type === 'doc-mode') {
      continue; // control characters, not text
    }
    const newlines = newlinesIn(token);
    if (newlines > 0) {
      line += newlines;
      lineIndicators = 0;
      lineIndent = 0;
      atLineStart = token.endsWith('\n');
      continue;
    }
    if (type === 'anchor' || type === 'alias') {
      anchorsAndAliases += 1;
      if (anchorsAndAliases > maxAnchorsAndAliases) {
        return `has more than ${maxAnchorsAndAliases} anchors and aliases (&name, *name), at line ${line}; a catalog-info file needs none`;
      }
    } else if (type === 'space' && atLineStart && flowLevel === 0) {
      // Inside brackets, indentation nests nothing.
      lineIndent = token.length;
    } else if (FLOW_END.has(type)) {
      flowLevel = type === 'flow-error-end' ? 0 : Math.max(0, flowLevel - 1);
    } else if (FLOW_START.has(type) || BLOCK_INDICATORS.has(type)) {
      // Each opens a list or a mapping, or a level in one.
      if (FLOW_START.has(type)) {
        flowLevel += 1;
      } else if (flowLevel === 0) {
        lineIndicators += 1;
      }
      if (flowLevel + lineIndicators + Math.floor(lineIndent / 2) > maxDepth) {
        return `nests lists and mappings more than ${maxDepth} levels deep, at line ${line}`;
      }
    }
    atLineStart = false;
  }
  return undefined;
}

/**
 * Why a document is refused after it is composed, before it becomes
 * JavaScript: a list, mapping or alias used as a key (the library turns
 * those into strings in time that grows steeply with their depth), or a
 * key twice in a mapping. The library's own duplicate check is quadratic
 * in a mapping's size, so it is off and this one, linear, stands in.
 */
function keyProblem(
  document: Document.Parsed,
): { at: number; message: string } | undefined {
  const found: { problem?: { at: number; message: string } } = {};
  visit(document, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = pair.key as Node | null;
        const at = key?.range?.[0] ?? map.range?.[0] ?? 0;
        if (key !== null && !isScalar(key)) {
          found.problem = {
            at,
            message: 'uses a list, a mapping or an alias as a key',
          };
          return visit.BREAK;
        }
        const name = String(key?.value ?? '');
        if (seen.has(name)) {
          found.problem = { at, message: `has the key "${name}" twice` };
          return visit.BREAK;
        }
        seen.add(name);
      }
      return undefined;
    },
  });
  return found.problem;
}

/**
 * The JavaScript value of each YAML document of the text, one at a time,
 * so that a caller that stops early does not parse the rest. An
 * `InputError` naming `file` and the line when the text is refused or a
 * document is not valid YAML.
 */
export function* yamlValues(text: string, file: string): Generator<unknown> {
  const refused = yamlTextProblem(text);
  if (refused) {
    throw new InputError(`${file} ${refused}`);
  }
  const lines = new LineCounter();
  const where = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return `line ${line}, column ${col}`;
  };
  const composer = new Composer({ uniqueKeys: false });
  for (const document of composer.compose(
    new Parser(lines.addNewLine).parse(text),
    false,
  )) {
    const [error] = document.errors;
    if (error) {
      throw new InputError(
        `${file} is not valid YAML at ${where(error.pos[0])}: ${error.message}`,
      );
    }
    const problem = keyProblem(document);
    if (problem) {
      throw new InputError(
        `${file} ${problem.message}, at ${where(problem.at)}`,
      );
    }
    let value: unknown;
    try {
      // Few aliases get past the lexer; this bounds what they expand to.
      value = document.toJS({ maxAliasCount: 100 });
    } catch (toJsError) {
      throw new InputError(
        `${file} is not valid YAML: ${(toJsError as Error).message}`,
      );
    }
    yield value;
  }
}
