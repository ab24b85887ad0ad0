import {
  CampaignDefinition,
  ScorecardDefinition,
  ScorecardProblem,
} from '@readiness/plugin-readiness-common';
import { isMap, isScalar, LineCounter, parseAllDocuments } from 'yaml';

/**
 * A valid file's scorecards and campaigns and its text, to locate their
 * names in it.
 */
export interface ParsedScorecardFile {
  source: string;
  text: string;
  scorecards: ScorecardDefinition[];
  campaigns: CampaignDefinition[];
}

type Kind = 'Scorecard' | 'Campaign';

/**
 * The parser sees one file at a time; two scorecards (or two campaigns) of
 * different files with the same name would be two of one id, so the later
 * ones are problems, at their `metadata.name`.
 */
export function findDuplicateNames(
  files: ParsedScorecardFile[],
): ScorecardProblem[] {
  return [
    ...duplicatesOf(files, 'Scorecard', file => file.scorecards),
    ...duplicatesOf(files, 'Campaign', file => file.campaigns),
  ];
}

function duplicatesOf(
  files: ParsedScorecardFile[],
  kind: Kind,
  itemsOf: (file: ParsedScorecardFile) => Array<{ id: string }>,
): ScorecardProblem[] {
  const first = new Map<string, string>();
  const problems: ScorecardProblem[] = [];
  for (const file of files) {
    for (const { id } of itemsOf(file)) {
      const { line, column } = namePosition(file.text, kind, id);
      const earlier = first.get(id);
      if (earlier === undefined) {
        first.set(id, `${file.source}:${line}`);
      } else {
        problems.push({
          source: file.source,
          line,
          column,
          path: 'metadata.name',
          message: `duplicate ${kind.toLowerCase()} name "${id}", first defined at ${earlier}`,
        });
      }
    }
  }
  return problems;
}

/**
 * Where the document of `kind` whose `metadata.name` is `name` gives it (a
 * document without a kind is a scorecard).
 */
function namePosition(
  text: string,
  kind: Kind,
  name: string,
): { line: number; column: number } {
  const lineCounter = new LineCounter();
  for (const document of parseAllDocuments(text, { lineCounter })) {
    if (!isMap(document.contents)) {
      continue;
    }
    const documentKind = document.contents.get('kind') ?? 'Scorecard';
    const metadata = document.contents.get('metadata', true);
    const node = isMap(metadata) ? metadata.get('name', true) : undefined;
    if (
      documentKind === kind &&
      isScalar(node) &&
      node.value === name &&
      node.range
    ) {
      const { line, col } = lineCounter.linePos(node.range[0]);
      return { line, column: col };
    }
  }
  // Valid files always name their documents; this is only a fallback.
  return { line: 1, column: 1 };
}
