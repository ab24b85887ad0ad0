import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { ReadinessContext } from '@readiness/plugin-readiness-backend/context';

/** How long to wait for an entity to show up in a catalog that is starting. */
const ENTITY_WAIT_MS = 2 * 60_000;
const ENTITY_POLL_MS = 500;

/** What evaluates and stores the entities, as of the evaluator's clock. */
export interface YesterdaySeedOptions {
  entityRefs: readonly string[];
  catalog: CatalogService;
  auth: AuthService;
  evaluator: Pick<ReadinessContext['evaluator'], 'compute'>;
  resultWriter: ReadinessContext['stores']['resultWriter'];
  logger: LoggerService;
  /** Tests shorten the wait. */
  waitMs?: number;
}

async function waitForEntity(
  catalog: CatalogService,
  ref: string,
  credentials: BackstageCredentials,
  waitMs: number,
): Promise<Entity | undefined> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (entity || Date.now() >= deadline) {
      return entity;
    }
    await new Promise(resolve => setTimeout(resolve, ENTITY_POLL_MS));
  }
}

/**
 * Evaluates each entity, once the catalog has it, with the given evaluator
 * (whose clock says yesterday) and stores its results, so that the plugin's
 * first evaluation compares with them. An entity the plugin evaluated
 * first keeps its newer results (the writer skips older ones), and is
 * logged.
 *
 * @returns how many entities' results were stored
 */
export async function seedYesterdayResults(
  options: YesterdaySeedOptions,
): Promise<number> {
  const { catalog, evaluator, resultWriter, logger } = options;
  const credentials = await options.auth.getOwnServiceCredentials();
  let stored = 0;
  for (const ref of options.entityRefs) {
    const entity = await waitForEntity(
      catalog,
      ref,
      credentials,
      options.waitMs ?? ENTITY_WAIT_MS,
    );
    if (!entity) {
      logger.warn(`No demo regression for ${ref}: not in the catalog`);
      continue;
    }
    const evaluation = await evaluator.compute(entity);
    const { skipped } = await resultWriter.replaceEntityResults(
      evaluation.entity,
      evaluation.results,
    );
    if (skipped > 0) {
      logger.warn(`No demo regression for ${ref}: evaluated already`);
    } else {
      stored += 1;
    }
  }
  return stored;
}
