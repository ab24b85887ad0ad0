import {
  Document,
  isScalar,
  LineCounter,
  parseAllDocuments,
  YAMLError,
} from 'yaml';
import { FactDefinition, ScorecardDefinition } from '../types';
import { Context } from './context';
import { reportDuplicateKeys } from './duplicateKeys';
import { ScorecardProblem } from './problems';
import { validateScorecard } from './validateScorecard';

/** A document holding nothing, such as after a trailing `---`. */
function isEmpty(doc: Document): boolean {
  return (
    doc.contents === null ||
    (isScalar(doc.contents) &&
      doc.contents.value === null &&
      doc.contents.range?.[0] === doc.contents.range?.[1])
  );
}

function yamlProblem(
  error: YAMLError,
  source: string,
  lineCounter: LineCounter,
): ScorecardProblem {
  const { line, col } = lineCounter.linePos(error.pos[0]);
  return { source, line, column: col, path: '', message: error.message };
}

/**
 * Reads the scorecards of one YAML or JSON file (several documents may be
 * separated by `---`) and validates them against the facts collectors
 * provide.
 *
 * If the file has any problem, no scorecard is returned from it: a scorecard
 * is never half-loaded. Problems are sorted by position.
 *
 * @public
 */
export function parseScorecardFile(
  text: string,
  options: { source: string; knownFacts: FactDefinition[] },
): { scorecards: ScorecardDefinition[]; problems: ScorecardProblem[] } {
  const { source } = options;
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: false, // positions are reported apart from the message
    uniqueKeys: false, // see reportDuplicateKeys
  });
  const facts = new Map(options.knownFacts.map(fact => [fact.name, fact]));
  const names = new Map<string, number>();
  const problems: ScorecardProblem[] = [];
  const scorecards: ScorecardDefinition[] = [];
  let documentCount = 0;
  for (const doc of documents) {
    const errors = [...doc.errors, ...doc.warnings];
    problems.push(...errors.map(e => yamlProblem(e, source, lineCounter)));
    if (errors.length > 0 || isEmpty(doc)) {
      continue;
    }
    documentCount++;
    const ctx = new Context(source, lineCounter, doc, problems);
    reportDuplicateKeys(ctx, doc.contents, '');
    const scorecard = validateScorecard(ctx, doc.contents!, facts, names);
    if (scorecard) {
      scorecards.push(scorecard);
    }
  }
  if (documentCount === 0 && problems.length === 0) {
    problems.push({
      source,
      line: 1,
      column: 1,
      path: '',
      message: 'the file holds no scorecard',
    });
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { scorecards: problems.length > 0 ? [] : scorecards, problems };
}
