import {
  AuditorService,
  AuthService,
  DatabaseService,
  LoggerService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type { ReadinessContext } from '../buildReadinessContext';
import { LeaderboardService } from '../leaderboard/LeaderboardService';
import { PreviewJobs } from '../preview/PreviewJobs';
import { PreviewJobStore } from '../preview/PreviewJobStore';
import { readPreviewSettings } from '../preview/readPreviewSettings';
import { ScorecardPreview } from '../preview/ScorecardPreview';
import { StoredFactsReader } from '../preview/StoredFactsReader';
import { readScorecardLimits } from '../scorecards/readScorecardLimits';
import { ScorecardsService } from '../scorecards/ScorecardsService';
import { readPluginSecret } from '../store';
import { CatalogVisibility } from './CatalogVisibility';
import { EntityReadinessService } from './EntityReadinessService';
import {
  readRefreshRateLimits,
  RefreshRateLimiter,
} from './RefreshRateLimiter';
import { RelationEvidenceRedactor } from './RelationEvidenceRedactor';
import { ResultsCursor } from './ResultsCursor';
import { readResultsScanRows, ResultsListService } from './ResultsListService';
import { ownerInputServices } from '../ownerInput/ownerInputServices';
import { ServiceAccessPolicy } from './ServiceAccessPolicy';
import { CampaignService } from '../campaigns/CampaignService';
import { GroupHierarchy } from '../teams/GroupHierarchy';
import { TeamReadinessService } from '../teams/TeamReadinessService';
import { FactsPushService } from '../pushedFacts/FactsPushService';
import { readPushLimits } from '../pushedFacts/readPushLimits';
import { DraftEntityEvaluator } from '../drafts/DraftEntityEvaluator';
import { readDraftLimits } from '../drafts/readDraftLimits';
import { BadgeService } from '../badges/BadgeService';
import { readBadgeLimits } from '../badges/readBadgeLimits';
import { readBadgeSettings } from '../badges/readBadgeSettings';

/** The services requests need beyond Readiness' own parts. */
export interface RequestServicesOptions {
  config: Config;
  database: DatabaseService;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  permissions: PermissionsService;
  userInfo: UserInfoService;
  auditor: AuditorService;
}

/**
 * What answers requests, for the REST API and the actions alike, so that
 * both apply the same permissions and limits.
 */
export type RequestServices = Awaited<ReturnType<typeof buildRequestServices>>;

/**
 * The services that answer requests over Readiness' parts, with the limits
 * app-config sets for them.
 */
export async function buildRequestServices(
  context: ReadinessContext,
  options: RequestServicesOptions,
) {
  const { config, database, catalog, auth, logger, permissions } = options;
  const { userInfo, auditor } = options;
  const { stores, evaluator, facts, relations, collectors } = context;
  const previewSettings = readPreviewSettings(config);
  const scorecardLimits = readScorecardLimits(config);
  // Services may refresh, preview and push facts everywhere only when
  // config names them.
  const serviceAccess = ServiceAccessPolicy.fromConfig(config);

  const visibility = new CatalogVisibility(catalog, auth);
  const hierarchy = new GroupHierarchy(catalog);
  const readiness = new EntityReadinessService({
    catalog,
    entityResults: stores.entityResults,
    historyReader: stores.history,
    evaluator,
    permissions,
    redactor: new RelationEvidenceRedactor(catalog),
    refreshAccess: {
      services: serviceAccess,
      limiter: new RefreshRateLimiter(readRefreshRateLimits(config)),
    },
  });
  const ownerInput = ownerInputServices({
    context,
    catalog,
    permissions,
    userInfo,
    auditor,
    logger,
    visibility,
    readiness,
  });

  return {
    readiness,
    ownerInput,
    scorecards: new ScorecardsService(context.registry, stores.standing),
    leaderboard: new LeaderboardService(context.registry, stores.leaderboard),
    results: new ResultsListService({
      catalog,
      resultList: stores.resultList,
      cursors: new ResultsCursor(
        await readPluginSecret(await database.getClient(), 'results-cursor'),
      ),
      limits: { scanRows: readResultsScanRows(config) },
    }),
    preview: new PreviewJobs({
      preview: new ScorecardPreview({
        catalog,
        entityResults: stores.entityResults,
        facts: new StoredFactsReader({
          catalogFacts: (entity, now, credentials) =>
            facts.collectCatalog(entity, now, e =>
              relations.resolveFor(e, credentials),
            ),
          collectors: () => collectors.list(),
          factsCache: stores.factsCache,
          enabled: id => facts.isEnabled(id),
          pushedFacts: context.pushedFacts,
        }),
        knownFacts: context.knownFacts,
        permissions,
        services: serviceAccess,
        limits: previewSettings,
        scorecardLimits,
      }),
      store: await PreviewJobStore.create({ database }),
      budgets: previewSettings,
      logger,
    }),
    visibility,
    hierarchy,
    teams: new TeamReadinessService({
      registry: context.registry,
      leaderboard: stores.leaderboard,
      teams: stores.teams,
      hierarchy,
      visibility,
    }),
    campaigns: new CampaignService({
      registry: context.registry,
      queries: stores.campaigns,
      entityResults: stores.entityResults,
      entities: readiness,
    }),
    // Draft entities (a template's catalog-info.yaml), looked up as the caller.
    drafts: new DraftEntityEvaluator({
      registry: context.registry,
      applicableScorecards: entity => evaluator.applicableScorecards(entity),
      catalogFacts: (entity, now, credentials) =>
        facts.collectCatalog(entity, now, e =>
          relations.resolveFor(e, credentials),
        ),
      knownFacts: context.knownFacts,
      entityLimits: scorecardLimits,
      limits: readDraftLimits(config),
      services: serviceAccess,
    }),
    // SVG badges; public ones under random ids (readiness.badges.public).
    badges: new BadgeService({
      registry: context.registry,
      store: stores.badges,
      readiness,
      settings: readBadgeSettings(config),
      permissions,
      auditor,
      limits: readBadgeLimits(config),
    }),
    // Facts pipelines push (POST /facts), then the entity re-evaluated.
    pushedFacts: new FactsPushService({
      definitions: context.pushedFacts.definitions,
      store: stores.pushedFacts,
      catalog,
      auth,
      permissions,
      services: serviceAccess,
      limits: readPushLimits(config),
      evaluator,
      auditor,
      logger,
    }),
    maxDocumentBytes: scorecardLimits.maxBytes,
    // What the actions explain checks and draft scorecards with, and the
    // catalog they ask, as the caller, for entities with a similar name.
    registry: context.registry,
    entityResults: stores.entityResults,
    catalog,
    scorecardLimits,
    factSources: {
      known: context.knownFacts,
      /** Ids of the collectors installed, the catalog's aside. */
      installed: () => collectors.list().map(c => c.id),
      enabled: (collectorId: string) => facts.isEnabled(collectorId),
    },
  };
}
