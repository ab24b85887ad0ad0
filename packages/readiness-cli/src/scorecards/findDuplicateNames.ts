import {
  ScorecardDefinition,
  ScorecardProblem,
} from '@readiness/plugin-readiness-common';
import { isMap, isScalar, LineCounter, parseAllDocuments } from 'yaml';

/** A valid file's scorecards and its text, to locate their names in it. */
export interface ParsedScorecardFile {
  source: string;
  text: string;
  scorecards: ScorecardDefinition[];
}

/**
 * The parser sees one file at a time; scorecards of different files with the
 * same name would give two results under one id, so the later ones are
 * problems, at their `metadata.name`.
 */
export function findDuplicateNames(
  files: ParsedScorecardFile[],
): ScorecardProblem[] {
  const first = new Map<string, string>();
  const problems: ScorecardProblem[] = [];
  for (const file of files) {
    for (const { id } of file.scorecards) {
      const { line, column } = namePosition(file.text, id);
      const earlier = first.get(id);
      if (earlier === undefined) {
        first.set(id, `${file.source}:${line}`);
      } else {
        problems.push({
          source: file.source,
          line,
          column,
          path: 'metadata.name',
          message: `duplicate scorecard name "${id}", first defined at ${earlier}`,
        });
      }
    }
  }
  return problems;
}

/** Where the document whose `metadata.name` is `name` gives it. */
function namePosition(
  text: string,
  name: string,
): { line: number; column: number } {
  const lineCounter = new LineCounter();
  for (const document of parseAllDocuments(text, { lineCounter })) {
    const metadata = isMap(document.contents)
      ? document.contents.get('metadata', true)
      : undefined;
    const node = isMap(metadata) ? metadata.get('name', true) : undefined;
    if (isScalar(node) && node.value === name && node.range) {
      const { line, col } = lineCounter.linePos(node.range[0]);
      return { line, column: col };
    }
  }
  // Valid files always name their scorecards; this is only a fallback.
  return { line: 1, column: 1 };
}
