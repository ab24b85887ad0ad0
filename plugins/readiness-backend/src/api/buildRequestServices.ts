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
  // Services may refresh and preview only when config names them.
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
    maxDocumentBytes: scorecardLimits.maxBytes,
  };
}
