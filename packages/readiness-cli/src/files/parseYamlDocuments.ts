import { LineCounter, parseAllDocuments } from 'yaml';
import { InputError } from '../errors';

export interface YamlDocument {
  value: unknown;
  /** 1-based line where the document's content starts. */
  line: number;
}

/**
 * The non-empty documents of a multi-document YAML (or JSON) text. Broken
 * YAML is an `InputError` naming `<shownAs>:<line>:<col>` of the first error.
 */
export function parseYamlDocuments(
  text: string,
  shownAs: string,
): YamlDocument[] {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: false,
  });
  const error = documents.flatMap(document => document.errors)[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new InputError(
      `${shownAs}:${line}:${col}: invalid YAML: ${error.message}`,
    );
  }
  return documents.flatMap(document => {
    const value = document.toJS();
    if (value === null || value === undefined) {
      return [];
    }
    const offset = document.contents?.range[0] ?? 0;
    return [{ value, line: lineCounter.linePos(offset).line }];
  });
}
