import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  CampaignDefinition,
  CampaignDetails,
  CampaignList,
  CampaignSummary,
  campaignPhase,
  dayOf,
  EntityCampaigns,
} from '@readiness/plugin-readiness-common';
import type { EntityReadinessService } from '../api/EntityReadinessService';
import type {
  ActiveCampaign,
  ScorecardRegistry,
} from '../scorecards/ScorecardRegistry';
import { EntityResultsReader } from '../store';
import {
  CampaignCounts,
  CampaignEntityStatus,
  CampaignKey,
  CampaignQueries,
  VisibleEntities,
} from '../store/campaigns/CampaignQueries';
import { projectedCompletion, withLivePoint } from './burnUp';
import { decodeCampaignCursor, encodeCampaignCursor } from './campaignCursor';
import { compareText } from '../lib/compareText';
import { progressOf } from './campaignProgress';
import { advisoryGoal } from './enforcementPreview';

/** Groups per owner, system and domain in a campaign's details. */
const GROUPS_PER_GROUPING = 500;

const NO_COUNTS: CampaignCounts = { targeted: 0, met: 0, regressed: 0 };

/** Which entities the details list, from the query. */
export interface CampaignEntityQuery {
  status: CampaignEntityStatus;
  owner?: string;
  limit: number;
  cursor?: string;
}

export interface CampaignServiceOptions {
  registry: Pick<
    ScorecardRegistry,
    'campaigns' | 'findCampaign' | 'find' | 'listProblems'
  >;
  queries: CampaignQueries;
  entityResults: EntityResultsReader;
  /** Finds an entity as the caller may read it (404 otherwise). */
  entities: Pick<EntityReadinessService, 'visibleEntity'>;
  /** The clock; tests set it. */
  now?: () => Date;
}

function keyOf(campaign: CampaignDefinition): CampaignKey {
  return { campaignId: campaign.id, scorecardId: campaign.scorecard };
}

/**
 * The campaigns in force and their progress, for the `/campaigns` routes.
 * Every figure and list is over the entities `visible` holds (all when
 * undefined): callers see what they may read only.
 */
export class CampaignService {
  private readonly now: () => Date;

  constructor(private readonly options: CampaignServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async list(visible: VisibleEntities): Promise<CampaignList> {
    const { registry, queries } = this.options;
    const active = registry.campaigns();
    const counts = await queries.progressOf(
      active.map(({ campaign }) => keyOf(campaign)),
      visible,
    );
    const now = this.now();
    return {
      items: active.map(entry =>
        this.summaryOf(entry, counts.get(entry.campaign.id), now),
      ),
      // Problems are per file, and a file may hold scorecards and
      // campaigns: each problem may have kept a campaign out.
      problems: [...registry.listProblems()],
    };
  }

  async details(
    id: string,
    query: CampaignEntityQuery,
    visible: VisibleEntities,
  ): Promise<CampaignDetails> {
    const { registry, queries } = this.options;
    const active = registry.findCampaign(id);
    const { campaign } = active;
    const key = keyOf(campaign);
    const now = this.now();
    const today = dayOf(now);
    const filter = { status: query.status, owner: query.owner };
    const after = decodeCampaignCursor(query.cursor, id, filter);
    const advisory = advisoryGoal(
      registry.find(campaign.scorecard).scorecard,
      campaign,
      today,
    );
    const [breakdown, recorded, page, changes] = await Promise.all([
      queries.breakdown(key, GROUPS_PER_GROUPING, visible),
      campaign.startsAt <= today
        ? queries.burnUp(
            key,
            {
              from: campaign.startsAt,
              to: today < campaign.dueAt ? today : campaign.dueAt,
            },
            visible,
          )
        : Promise.resolve([]),
      queries.listEntities(key, filter, { limit: query.limit, after }, visible),
      // The rows hold the level if enforced for promoting campaigns only.
      advisory?.promoted
        ? queries.levelChanges(key, visible)
        : Promise.resolve([]),
    ]);
    const { counts, byOwner, bySystem, byDomain } = breakdown;
    const summary = this.summaryOf(active, counts, now);
    const burnUp = withLivePoint(
      recorded,
      { day: today, targeted: summary.targeted, met: summary.met },
      campaign,
    );
    const last = page.items[page.items.length - 1];
    return {
      campaign: summary,
      definition: campaign,
      byOwner,
      bySystem,
      byDomain,
      burnUp,
      projectedCompletion: projectedCompletion(burnUp),
      ...(advisory && {
        enforcement: {
          checks: advisory.checks,
          enforcedFrom: advisory.enforcedFrom,
          levelChanges: changes,
        },
      }),
      entities: {
        items: page.items,
        total: page.total,
        ...(page.hasMore &&
          last && {
            nextCursor: encodeCampaignCursor(last.entityRef, id, filter),
          }),
      },
    };
  }

  /**
   * The campaigns in force that target an entity the caller may read,
   * from its stored results, soonest due first.
   */
  async entityCampaigns(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<EntityCampaigns> {
    const entityRef = stringifyEntityRef(
      await this.options.entities.visibleEntity(ref, credentials),
    );
    const inForce = new Set(
      this.options.registry
        .campaigns()
        .map(({ campaign }) => `${campaign.scorecard}/${campaign.id}`),
    );
    const { results } = await this.options.entityResults.getEntityResults(
      entityRef,
    );
    const items = [...results.values()]
      .flatMap(result =>
        (result.campaigns ?? []).map(item => ({
          ...item,
          scorecard: result.scorecard.id,
        })),
      )
      .filter(item => inForce.has(`${item.scorecard}/${item.campaign}`))
      .sort(
        (a, b) =>
          compareText(a.dueAt, b.dueAt) || compareText(a.campaign, b.campaign),
      );
    return { entityRef, items };
  }

  private summaryOf(
    { campaign, source }: ActiveCampaign,
    counts: CampaignCounts = NO_COUNTS,
    now: Date,
  ): CampaignSummary {
    const { id, title, description, owner, scorecard, goal } = campaign;
    return {
      id,
      title,
      ...(description !== undefined && { description }),
      ...(owner !== undefined && { owner }),
      scorecard,
      goal,
      startsAt: campaign.startsAt,
      dueAt: campaign.dueAt,
      ...campaignPhase(campaign, now),
      ...progressOf(counts),
      regressed: counts.regressed,
      source,
    };
  }
}
