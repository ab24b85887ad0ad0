import { Context } from '../context';
import { EXIT_OK } from '../errors';
import {
  CatalogEvaluationOptions,
  evaluateCatalogFiles,
} from '../evaluation/evaluateCatalogFiles';
import { formatJson } from '../output/formatJson';
import { formatTable } from '../output/formatTable';

export interface EvaluateOptions extends CatalogEvaluationOptions {
  format: 'json' | 'table';
}

/**
 * `readiness evaluate`: reports, whatever the scores; failing a build on
 * them is what `gate` is for.
 */
export function evaluateCommand(
  options: EvaluateOptions,
  ctx: Context,
): number {
  const { results } = evaluateCatalogFiles(options, ctx);
  if (results.length === 0) {
    ctx.stderr('no scorecard applies to the selected entities\n');
  }
  ctx.stdout(
    options.format === 'json' ? formatJson(results) : formatTable(results),
  );
  return EXIT_OK;
}
