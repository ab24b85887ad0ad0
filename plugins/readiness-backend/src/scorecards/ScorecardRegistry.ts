import { createHash } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  CampaignDefinition,
  checkCampaignReferences,
  formatScorecardProblem,
  ScorecardDefinition,
  ScorecardProblem,
} from '@readiness/plugin-readiness-common';
import {
  LoadedCampaign,
  LoadedScorecard,
  LoadedScorecards,
} from './loadScorecards';

/** A scorecard in force, with a hash of its definition. */
export interface ActiveScorecard extends LoadedScorecard {
  /**
   * Equal for equal definitions (with those of its campaigns, which its
   * results report on), across restarts.
   */
  version: string;
}

/** A campaign in force, and where it was defined. */
export type ActiveCampaign = LoadedCampaign;

function versionOf(
  scorecard: ScorecardDefinition,
  campaigns: readonly CampaignDefinition[],
): string {
  // Without campaigns, the hash it had before there were any: stored
  // results need not be written again for a new version.
  const definition =
    campaigns.length === 0 ? scorecard : { scorecard, campaigns };
  return createHash('sha256').update(JSON.stringify(definition)).digest('hex');
}

/**
 * The definitions of failed sources as they were, the others as loaded: a
 * file that has become invalid keeps its last good definitions running.
 */
function keepLastGood<T extends { source: string }>(
  loaded: readonly T[],
  previous: readonly T[],
  failedSources: ReadonlySet<string>,
  idOf: (definition: T) => string,
): T[] {
  const byId = new Map(loaded.map(d => [idOf(d), d]));
  for (const definition of previous) {
    if (failedSources.has(definition.source)) {
      byId.set(idOf(definition), definition);
    }
  }
  return [...byId.values()];
}

/**
 * The scorecards and campaigns in force. A reload takes the new
 * definitions; a file that has become invalid keeps its last good
 * scorecards and campaigns running while its problems are reported.
 */
export class ScorecardRegistry {
  private active: ActiveScorecard[] = [];
  private activeCampaigns: ActiveCampaign[] = [];
  private campaignsByScorecard = new Map<string, CampaignDefinition[]>();
  private problems: ScorecardProblem[] = [];

  constructor(
    private readonly load: () => LoadedScorecards,
    private readonly logger: LoggerService,
  ) {
    this.reload();
  }

  list(): readonly ActiveScorecard[] {
    return this.active;
  }

  /** Problems of scorecard and campaign definitions alike. */
  listProblems(): readonly ScorecardProblem[] {
    return this.problems;
  }

  find(id: string): ActiveScorecard {
    const found = this.active.find(s => s.scorecard.id === id);
    if (!found) {
      throw new NotFoundError(
        `No scorecard "${id}"; the scorecards are ${this.active
          .map(s => s.scorecard.id)
          .join(', ')}`,
      );
    }
    return found;
  }

  /** The campaigns in force, by id. */
  campaigns(): readonly ActiveCampaign[] {
    return this.activeCampaigns;
  }

  /** The campaigns in force of one scorecard, by id. */
  campaignsOf(scorecardId: string): readonly CampaignDefinition[] {
    return this.campaignsByScorecard.get(scorecardId) ?? [];
  }

  findCampaign(id: string): ActiveCampaign {
    const found = this.activeCampaigns.find(c => c.campaign.id === id);
    if (!found) {
      const ids = this.activeCampaigns.map(c => c.campaign.id);
      throw new NotFoundError(
        ids.length === 0
          ? `No campaign "${id}"; there are no campaigns`
          : `No campaign "${id}"; the campaigns are ${ids.join(', ')}`,
      );
    }
    return found;
  }

  /**
   * Loads the definitions again; true when the scorecards in force changed
   * (a campaign's change changes its scorecard's version).
   */
  reload(): boolean {
    const loaded = this.load();
    const failedSources = new Set(loaded.problems.map(p => p.source));
    const scorecards = keepLastGood(
      loaded.scorecards,
      this.active,
      failedSources,
      s => s.scorecard.id,
    );
    const byId = new Map(scorecards.map(s => [s.scorecard.id, s.scorecard]));
    // A last good campaign whose scorecard (or a check of it) is gone goes
    // too: its file's problems say why.
    const campaigns = keepLastGood(
      loaded.campaigns,
      this.activeCampaigns,
      failedSources,
      c => c.campaign.id,
    )
      .filter(c => checkCampaignReferences([c], byId).length === 0)
      .sort((a, b) => a.campaign.id.localeCompare(b.campaign.id, 'en'));
    const campaignsByScorecard = new Map<string, CampaignDefinition[]>();
    for (const { campaign } of campaigns) {
      const ofScorecard = campaignsByScorecard.get(campaign.scorecard) ?? [];
      ofScorecard.push(campaign);
      campaignsByScorecard.set(campaign.scorecard, ofScorecard);
    }
    const next = scorecards.map(({ scorecard, source }) => ({
      scorecard,
      source,
      version: versionOf(
        scorecard,
        campaignsByScorecard.get(scorecard.id) ?? [],
      ),
    }));
    const changed =
      next.map(s => s.version).join() !==
      this.active.map(s => s.version).join();
    this.reportNewProblems(loaded.problems, [...next, ...campaigns]);
    this.active = next;
    this.activeCampaigns = campaigns;
    this.campaignsByScorecard = campaignsByScorecard;
    this.problems = loaded.problems;
    return changed;
  }

  /** Each problem is logged once, not on every reload. */
  private reportNewProblems(
    problems: ScorecardProblem[],
    kept: ReadonlyArray<{ source: string }>,
  ) {
    const known = new Set(this.problems.map(formatScorecardProblem));
    const keptSources = new Set(kept.map(s => s.source));
    for (const problem of problems) {
      const text = formatScorecardProblem(problem);
      if (!known.has(text)) {
        this.logger.error(
          keptSources.has(problem.source)
            ? `Definition change left out, the last good version keeps running: ${text}`
            : `Definition left out: ${text}`,
        );
      }
    }
  }
}
