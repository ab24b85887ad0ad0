import {
  Document,
  isScalar,
  LineCounter,
  parseAllDocuments,
  YAMLError,
} from 'yaml';
import { FactDefinition, ScorecardDefinition } from '../types';
import { resolveAliases } from './aliases';
import { Context } from './context';
import { reportDuplicateKeys } from './duplicateKeys';
import { documentKind } from './documentHeader';
import { DEFAULT_SCORECARD_LIMITS, ScorecardLimits } from './limits';
import { ScorecardProblem } from './problems';
import { textLimitProblem } from './textLimits';
import { ParsedCampaign, validateCampaign } from './validateCampaign';
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

/** 1-based line and column of an offset into `text`. */
function positionIn(
  text: string,
  offset: number,
): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return {
    line: before.split('\n').length,
    column: offset - lineStart + 1,
  };
}

/**
 * Reads the scorecards and campaigns of one YAML or JSON file (several
 * documents, of either kind, may be separated by `---`) and validates them,
 * the scorecards against the facts collectors provide. A campaign's
 * references to a scorecard are checked apart, once every scorecard is
 * known: see `checkCampaignReferences`.
 *
 * If the file has any problem, nothing is returned from it: a scorecard or
 * campaign is never half-loaded. Problems are sorted by position. A file over one of
 * the `limits` gets a problem naming the limit, and its reading stops there,
 * so that the work is bounded by the limits, whatever the file holds.
 *
 * @public
 */
export function parseScorecardFile(
  text: string,
  options: {
    source: string;
    knownFacts: FactDefinition[];
    /** Defaults to `DEFAULT_SCORECARD_LIMITS`, limit by limit. */
    limits?: Partial<ScorecardLimits>;
  },
): {
  scorecards: ScorecardDefinition[];
  campaigns: ParsedCampaign[];
  problems: ScorecardProblem[];
} {
  const { source } = options;
  const limits = { ...DEFAULT_SCORECARD_LIMITS, ...options.limits };
  const refused = textLimitProblem(text, limits);
  if (refused) {
    return {
      scorecards: [],
      campaigns: [],
      problems: [
        {
          source,
          ...positionIn(text, refused.offset),
          path: '',
          message: refused.message,
        },
      ],
    };
  }
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: false, // positions are reported apart from the message
    uniqueKeys: false, // see reportDuplicateKeys
  });
  const facts = new Map(options.knownFacts.map(fact => [fact.name, fact]));
  const scorecardNames = new Map<string, number>();
  const campaignNames = new Map<string, number>();
  const problems: ScorecardProblem[] = [];
  const scorecards: ScorecardDefinition[] = [];
  const campaigns: ParsedCampaign[] = [];
  let documentCount = 0;
  for (const doc of documents) {
    const errors = [...doc.errors, ...doc.warnings];
    problems.push(...errors.map(e => yamlProblem(e, source, lineCounter)));
    if (errors.length > 0 || isEmpty(doc)) {
      continue;
    }
    documentCount++;
    const aliases = resolveAliases(doc, limits);
    const ctx = new Context(
      source,
      lineCounter,
      doc,
      aliases.targets,
      problems,
      limits,
    );
    if (aliases.problem) {
      const { node, path, message } = aliases.problem;
      ctx.report(node, path, message);
      continue;
    }
    reportDuplicateKeys(ctx, doc.contents, '');
    const read = documentKind(ctx, doc.contents!);
    if (read?.kind === 'Campaign') {
      const campaign = validateCampaign(ctx, read.document, campaignNames);
      if (campaign) {
        campaigns.push(campaign);
      }
    } else if (read) {
      const scorecard = validateScorecard(
        ctx,
        read.document,
        facts,
        scorecardNames,
      );
      if (scorecard) {
        scorecards.push(scorecard);
      }
    }
  }
  if (documentCount === 0 && problems.length === 0) {
    problems.push({
      source,
      line: 1,
      column: 1,
      path: '',
      message: 'the file holds no scorecard or campaign',
    });
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return problems.length > 0
    ? { scorecards: [], campaigns: [], problems }
    : { scorecards, campaigns, problems };
}
