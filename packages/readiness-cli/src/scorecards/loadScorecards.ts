import {
  BUILT_IN_FACTS,
  CampaignDefinition,
  checkCampaignReferences,
  formatScorecardProblem,
  ParsedCampaign,
  parseScorecardFile,
  ScorecardDefinition,
  ScorecardProblem,
} from '@readiness/plugin-readiness-common';
import path from 'node:path';
import { InputError } from '../errors';
import { listInputFiles } from '../files/listInputFiles';
import { readTextFile } from '../files/readTextFile';
import { findDuplicateNames, ParsedScorecardFile } from './findDuplicateNames';

const SCORECARD_EXTENSIONS = ['.yaml', '.yml', '.json'];

export interface ReadScorecards {
  fileCount: number;
  scorecards: ScorecardDefinition[];
  campaigns: CampaignDefinition[];
  /**
   * The built-in scorecards that the campaigns name and the files do not
   * define: a file of campaigns alone runs them on the scorecards that ship.
   */
  campaignScorecards: ScorecardDefinition[];
  problems: ScorecardProblem[];
}

/**
 * The directory of the scorecards that ship with
 * `@readiness/plugin-readiness-common`, used when none are named.
 */
export function defaultScorecardDirectory(): string {
  return path.join(
    path.dirname(
      require.resolve('@readiness/plugin-readiness-common/package.json'),
    ),
    'scorecards',
  );
}

interface ReadFiles {
  fileCount: number;
  files: ParsedScorecardFile[];
  campaigns: ParsedCampaign[];
  problems: ScorecardProblem[];
}

function readFiles(args: string[], cwd: string): ReadFiles {
  const inputs = listInputFiles(args, cwd, SCORECARD_EXTENSIONS);
  const problems: ScorecardProblem[] = [];
  const files: ParsedScorecardFile[] = [];
  const campaigns: ParsedCampaign[] = [];
  for (const file of inputs) {
    const text = readTextFile(file);
    const parsed = parseScorecardFile(text, {
      source: file.shownAs,
      // Offline, integration facts are unknown, never a fail.
      knownFacts: BUILT_IN_FACTS,
    });
    problems.push(...parsed.problems);
    campaigns.push(...parsed.campaigns);
    files.push({
      source: file.shownAs,
      text,
      scorecards: parsed.scorecards,
      campaigns: parsed.campaigns.map(({ campaign }) => campaign),
    });
  }
  problems.push(...findDuplicateNames(files));
  return { fileCount: inputs.length, files, campaigns, problems };
}

/** The built-in scorecards by id; the ones that ship are valid. */
function builtInScorecards(cwd: string): Map<string, ScorecardDefinition> {
  const { files } = readFiles([defaultScorecardDirectory()], cwd);
  return new Map(
    files.flatMap(file => file.scorecards).map(card => [card.id, card]),
  );
}

/**
 * Parses and validates the scorecard and campaign files that `args` name
 * (directories recursively). Campaigns may name the scorecards of these
 * files or the built-in ones, as on the backend. Problems are returned, not
 * thrown: `validate` reports them and the other commands refuse to run with
 * them.
 */
export function readScorecards(args: string[], cwd: string): ReadScorecards {
  const { fileCount, files, campaigns, problems } = readFiles(args, cwd);
  const scorecards = files.flatMap(file => file.scorecards);
  const campaignScorecards: ScorecardDefinition[] = [];
  if (campaigns.length > 0) {
    const known = builtInScorecards(cwd);
    const given = new Set(scorecards.map(card => card.id));
    for (const id of new Set(campaigns.map(c => c.campaign.scorecard))) {
      const builtIn = known.get(id);
      if (!given.has(id) && builtIn) {
        campaignScorecards.push(builtIn);
      }
    }
    for (const card of scorecards) {
      known.set(card.id, card);
    }
    problems.push(...checkCampaignReferences(campaigns, known));
  }
  return {
    fileCount,
    scorecards,
    campaigns: campaigns.map(({ campaign }) => campaign),
    campaignScorecards,
    problems,
  };
}

function readDefaultScorecards(cwd: string): ReadScorecards {
  try {
    return readScorecards([defaultScorecardDirectory()], cwd);
  } catch (error) {
    if (error instanceof InputError) {
      throw new InputError(
        `${error.message} (the default scorecards; name others with --scorecard)`,
      );
    }
    throw error;
  }
}

/**
 * The valid scorecards and campaigns that `args` name (with the built-in
 * scorecards their campaigns name), or the default ones; an `InputError`
 * listing every problem when any file is invalid.
 */
export function loadScorecards(
  args: string[] | undefined,
  cwd: string,
): { scorecards: ScorecardDefinition[]; campaigns: CampaignDefinition[] } {
  const { scorecards, campaigns, campaignScorecards, problems } = args
    ? readScorecards(args, cwd)
    : readDefaultScorecards(cwd);
  if (problems.length > 0) {
    throw new InputError(
      `the scorecards are invalid (${problems.length} ${
        problems.length === 1 ? 'problem' : 'problems'
      }); \`readiness validate\` checks them`,
      problems.map(formatScorecardProblem),
    );
  }
  return { scorecards: [...scorecards, ...campaignScorecards], campaigns };
}
