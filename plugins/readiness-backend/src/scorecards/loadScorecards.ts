import { Config } from '@backstage/config';
import {
  checkCampaignReferences,
  FactDefinition,
  ParsedCampaign,
  parseScorecardFile,
  ScorecardDefinition,
  ScorecardProblem,
} from '@readiness/plugin-readiness-common';
import { readScorecardLimits } from './readScorecardLimits';
import {
  builtInTexts,
  configuredTexts,
  fileProblem,
  SourceText,
} from './scorecardSources';

/** A scorecard and where it was defined. */
export interface LoadedScorecard {
  scorecard: ScorecardDefinition;
  source: string;
}

/**
 * A campaign, where it was defined, and where its references are (so that
 * a problem found against other files points into its own).
 */
export type LoadedCampaign = ParsedCampaign;

export interface LoadedScorecards {
  scorecards: LoadedScorecard[];
  campaigns: LoadedCampaign[];
  /** Everything that kept a definition out, with where it is. */
  problems: ScorecardProblem[];
}

/** The definitions of one file that parsed without a problem. */
interface ParsedFile {
  source: string;
  /** From `readiness.scorecards`, not built in. */
  configured: boolean;
  scorecards: ScorecardDefinition[];
  campaigns: ParsedCampaign[];
}

/** Built-in files first, then configured ones; files with problems drop out. */
function parseFiles(
  config: Config,
  knownFacts: FactDefinition[],
  problems: ScorecardProblem[],
): ParsedFile[] {
  // The built-in files are the plugin's own: only configured ones are held
  // to the configured limits.
  const limits = readScorecardLimits(config);
  const parse = (texts: SourceText[], configured: boolean) =>
    texts.flatMap(({ source, text }): ParsedFile[] => {
      const parsed = parseScorecardFile(text, {
        source,
        knownFacts,
        limits: configured ? limits : undefined,
      });
      problems.push(...parsed.problems);
      return parsed.problems.length > 0
        ? []
        : [{ source, configured, ...parsed }];
    });
  const builtIn = parse(builtInTexts(config), false);
  return [...builtIn, ...parse(configuredTexts(config, problems), true)];
}

/**
 * The definitions of the files by id: a configured one replaces a built-in
 * one with its id; an id configured twice is a problem of the second file.
 */
function mergeById<T extends { source: string }>(
  files: ParsedFile[],
  kind: 'scorecard' | 'campaign',
  definitionsOf: (file: ParsedFile) => T[],
  idOf: (definition: T) => string,
  problems: ScorecardProblem[],
): T[] {
  const byId = new Map<string, T>();
  const configured = new Set<string>();
  for (const file of files) {
    for (const definition of definitionsOf(file)) {
      const id = idOf(definition);
      if (file.configured && configured.has(id)) {
        problems.push(
          fileProblem(
            file.source,
            `${kind} "${id}" is already defined in ${byId.get(id)!.source}`,
          ),
        );
        continue;
      }
      if (file.configured) {
        configured.add(id);
      }
      byId.set(id, definition);
    }
  }
  return [...byId.values()];
}

/**
 * Every scorecard and campaign the backend evaluates: the built-in ones
 * (unless `readiness.defaultScorecards` is false) and the configured ones.
 * A configured definition replaces a built-in one with the same id; a file
 * with any problem contributes nothing, and its problems are reported
 * instead; so does one over `readiness.limits.scorecards`, or one with a
 * campaign whose scorecard, checks or level are not among those loaded.
 * Never throws over a definition, so the backend always starts.
 */
export function loadScorecards(
  config: Config,
  knownFacts: FactDefinition[],
): LoadedScorecards {
  const problems: ScorecardProblem[] = [];
  let files = parseFiles(config, knownFacts, problems);
  // Leaving a file out may leave another file's campaign without its
  // scorecard: again until no file is left out (at most once per file).
  for (;;) {
    const found: ScorecardProblem[] = [];
    const scorecards = mergeById(
      files,
      'scorecard',
      file =>
        file.scorecards.map(scorecard => ({ scorecard, source: file.source })),
      s => s.scorecard.id,
      found,
    );
    const campaigns = mergeById(
      files,
      'campaign',
      file => file.campaigns,
      c => c.campaign.id,
      found,
    );
    found.push(
      ...checkCampaignReferences(
        campaigns,
        new Map(scorecards.map(s => [s.scorecard.id, s.scorecard])),
      ),
    );
    problems.push(...found);
    if (found.length === 0) {
      return { scorecards, campaigns, problems };
    }
    const failed = new Set(found.map(p => p.source));
    files = files.filter(file => !failed.has(file.source));
  }
}
