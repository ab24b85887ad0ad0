import { Context } from '../context';
import { EXIT_FAILED, EXIT_OK } from '../errors';
import {
  CatalogEvaluationOptions,
  evaluateCatalogFiles,
} from '../evaluation/evaluateCatalogFiles';
import { checkGate } from '../gate/checkGate';
import { formatGateReport } from '../output/formatGateReport';

export interface GateOptions extends CatalogEvaluationOptions {
  entity: string;
  minLevel: string;
  scorecardId?: string;
}

/** `readiness gate`: exit 1, with what is missing, below the level. */
export function gateCommand(options: GateOptions, ctx: Context): number {
  const { scorecards, entityRef, results } = evaluateCatalogFiles(options, ctx);
  const outcomes = checkGate({
    // Set whenever `entity` is, which gate requires.
    entityRef: entityRef!,
    results,
    scorecards,
    minLevel: options.minLevel,
    scorecardId: options.scorecardId,
  });
  ctx.stdout(formatGateReport(outcomes));
  return outcomes.every(outcome => outcome.passed) ? EXIT_OK : EXIT_FAILED;
}
