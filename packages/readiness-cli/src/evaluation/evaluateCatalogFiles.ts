import {
  ScorecardDefinition,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';
import { findEntity } from '../catalog/findEntity';
import { LoadedCatalog, loadCatalogFiles } from '../catalog/loadCatalogFiles';
import {
  indexEntities,
  unresolvedReferences,
} from '../catalog/resolveRelations';
import { Context } from '../context';
import { InputError } from '../errors';
import { loadOwnerInput } from '../ownerInput/loadOwnerInput';
import { observeRepository } from '../repository/observeRepository';
import { loadScorecards } from '../scorecards/loadScorecards';
import { evaluateEntities } from './evaluateEntities';

/** The inputs that `evaluate` and `gate` share. */
export interface CatalogEvaluationOptions {
  catalog: string[];
  scorecard?: string[];
  repo?: string;
  /** Only this entity; every loaded entity when absent. */
  entity?: string;
  /** Fail on catalog files found in directories that are not YAML. */
  strict?: boolean;
  /** Exported exemptions (`GET /api/readiness/exemptions`), a JSON file. */
  exemptions?: string;
  /** Exported attestations (`GET /api/readiness/attestations`), a JSON file. */
  attestations?: string;
}

export interface CatalogEvaluation {
  scorecards: ScorecardDefinition[];
  /** The ref of the `entity` option's entity, when given. */
  entityRef?: string;
  results: ScorecardResult[];
}

/**
 * Loads the catalog files, scorecards and repository, and evaluates the
 * entities. Catalog warnings (and, unless `strict`, catalog files that are
 * not YAML) go to stderr; everything that prevents an evaluation is an
 * `InputError`.
 */
export function evaluateCatalogFiles(
  options: CatalogEvaluationOptions,
  ctx: Context,
): CatalogEvaluation {
  const catalog = loadCatalogFiles(options.catalog, ctx.cwd);
  for (const warning of catalog.warnings) {
    ctx.stderr(`warning: ${warning}\n`);
  }
  reportUnparsable(catalog, options.strict ?? false, ctx);
  const index = indexEntities(catalog.entities);
  const selected =
    options.entity === undefined
      ? [...index.values()]
      : [findEntity(index, options.entity)];
  const { scorecards, campaigns } = loadScorecards(options.scorecard, ctx.cwd);
  const repository = observeRepository(options.repo, ctx.cwd, ctx.now);
  const ownerInput = loadOwnerInput(options, ctx.cwd, ctx.now);
  const results = evaluateEntities({
    entities: selected,
    index,
    scorecards,
    campaigns,
    repository,
    now: ctx.now,
    ownerInput,
  });
  const evaluated = new Set(results.map(result => result.entityRef));
  for (const { entity, ref, location } of selected) {
    if (evaluated.has(ref)) {
      for (const reference of unresolvedReferences(entity, index)) {
        ctx.stderr(
          `warning: ${location}: ${ref} has ${reference}, which is not in the catalog files; checks on it are unknown (add its file to --catalog)\n`,
        );
      }
    }
  }
  return {
    scorecards,
    entityRef: options.entity === undefined ? undefined : selected[0].ref,
    results,
  };
}

/**
 * Catalog files that are not YAML (Scaffolder skeletons, mostly) are
 * warnings, so that a catalog repository can be evaluated as it is; with
 * `strict` they are an `InputError` listing them all.
 */
function reportUnparsable(
  catalog: LoadedCatalog,
  strict: boolean,
  ctx: Context,
): void {
  const { unparsable, fileCount } = catalog;
  if (unparsable.length === 0) {
    return;
  }
  const share = `${unparsable.length} of ${fileCount} catalog files`;
  if (strict) {
    throw new InputError(
      `${share} ${
        unparsable.length === 1 ? 'is' : 'are'
      } not valid YAML (--strict)`,
      unparsable,
    );
  }
  for (const message of unparsable) {
    ctx.stderr(`warning: ${message} (skipped)\n`);
  }
  ctx.stderr(
    `warning: skipped ${share}: not valid YAML (--strict fails on them)\n`,
  );
}
