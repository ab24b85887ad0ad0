import { MAX_EVALUATION_MATCH_WORK, withMatchBudget } from './matchBudget';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { OwnerInput } from '../ownerInput';
import type { CampaignDefinition } from '../campaigns';
import { dayOf } from '../calendarDays';
import {
  CheckAdvisory,
  CheckStatus,
  FactSet,
  ScorecardDefinition,
} from '../types';
import {
  CheckResult,
  CheckWaiver,
  Evidence,
  ScorecardResult,
} from '../results';
import {
  CompiledCheck,
  CompiledPredicate,
  compileScorecard,
} from './compileScorecard';
import {
  CheckOutcome,
  ConditionOutcome,
  EvaluationContext,
} from './evaluationContext';
import { resultReasons } from './resultLimits';
import { scoreChecks } from './scoreChecks';
import {
  applyExemptions,
  ExemptionsByCheck,
  exemptionsByCheck,
} from './applyExemptions';
import { newestAttestations } from './compileAttestation';
import { targetingCampaigns } from './compileCampaign';
import { advisoryChecks } from './advisoryChecks';
import { campaignItems } from './campaignItems';

function statusOf(outcome: ConditionOutcome): CheckStatus {
  if (outcome === 'unknown') {
    return 'unknown';
  }
  return outcome ? 'pass' : 'fail';
}

interface Decision extends CheckOutcome {
  /** Bounded by `RESULT_LIMITS`. */
  reasons: readonly string[];
  evidence: Evidence[];
  waiver?: CheckWaiver;
}

const NO_OWNER_INPUT: OwnerInput = Object.freeze({
  exemptions: [],
  attestations: [],
});

/**
 * Per evaluation, whether each category applies: `null` if it does, the
 * reason if not, `undefined` until a check of the category asks.
 */
type CategoryVerdicts = Array<string | null | undefined>;

function notApplicable(
  check: CompiledCheck,
  entity: Entity,
  categoryAppliesTo: Array<CompiledPredicate | undefined>,
  categories: CategoryVerdicts,
): string | undefined {
  const category = categoryAppliesTo[check.categoryIndex];
  if (category !== undefined) {
    let verdict = categories[check.categoryIndex];
    if (verdict === undefined) {
      verdict = category.matches(entity) ? null : category.excluded;
      categories[check.categoryIndex] = verdict;
    }
    if (verdict !== null) {
      return verdict;
    }
  }
  const own = check.appliesTo;
  return own === undefined || own.matches(entity) ? undefined : own.excluded;
}

/**
 * Not applicable first, then waived by the scorecard's own waivers, then
 * by an approved exemption; otherwise the condition decides, and the reasons
 * say which waiver or exemption no longer applies.
 */
function decide(
  check: CompiledCheck,
  entity: Entity,
  context: EvaluationContext,
  exemptions: ExemptionsByCheck,
  misfit: string | undefined,
): Decision {
  if (misfit !== undefined) {
    return { status: 'not-applicable', reasons: [misfit], evidence: [] };
  }
  const notes: string[] = [];
  for (const waiver of check.waivers) {
    if (waiver.matches(entity)) {
      if (context.now <= waiver.lastApplies) {
        return {
          status: 'waived',
          reasons: [waiver.waived],
          evidence: [],
          waiver: { ...waiver.waiver },
        };
      }
      if (notes.length === 0) {
        notes.push(waiver.expired);
      }
    }
  }
  const exempted = applyExemptions(check.definition, exemptions, context.now);
  if (exempted.waived !== undefined) {
    return {
      status: 'waived',
      reasons: [exempted.waived.reason],
      evidence: [],
      waiver: exempted.waived.waiver,
    };
  }
  if (exempted.note !== undefined) {
    notes.push(exempted.note);
  }
  const evidence: Evidence[] = [];
  context.evidence = evidence;
  const { outcome, reasons, omitted, basis } = check.condition(context);
  return {
    status: statusOf(outcome),
    basis,
    reasons:
      outcome === true ? reasons : resultReasons(reasons, omitted, notes),
    evidence,
  };
}

function toResult(
  check: CompiledCheck,
  decision: Decision,
  advisory: CheckAdvisory | undefined,
): CheckResult {
  const {
    id,
    title,
    description,
    category,
    level,
    weight,
    severity,
    remediation,
  } = check.definition;
  const result: CheckResult = {
    id,
    title,
    category,
    level,
    weight,
    status: decision.status,
    evidence: decision.evidence,
    remediation,
  };
  if (description !== undefined) {
    result.description = description;
  }
  if (severity !== undefined) {
    result.severity = severity;
  }
  if (decision.reasons.length > 0) {
    result.reason = decision.reasons.join('; ');
  }
  if (decision.basis !== undefined) {
    result.basis = decision.basis;
  }
  if (decision.waiver !== undefined) {
    result.waiver = decision.waiver;
  }
  if (advisory !== undefined) {
    result.advisory = advisory;
  }
  return result;
}

/**
 * Evaluates one scorecard for one entity. Pure: the same inputs give the same
 * result. Checks that the entity is outside of (by their own or their
 * category's `appliesTo`) are `not-applicable`; checks an active waiver of
 * the scorecard or an approved exemption covers are `waived`; both count
 * neither for nor against the score and levels. Attestation conditions read
 * `ownerInput.attestations`. `ownerInput` holds only the approved exemptions
 * and active attestations of this entity and scorecard: the caller selects
 * them. Each check's reasons and evidence are bounded by `RESULT_LIMITS`.
 *
 * Advisory checks (`enforcement: advisory`, or before their `enforcedFrom`
 * UTC day) keep their status but carry `advisory`: they neither count for
 * nor against the score and levels, are left out of `counts`, and those
 * that fail or are unknown are counted in `advisoryFailing` (always
 * present). `campaigns` are the scorecard's campaigns (others are ignored):
 * each that targets the entity adds an item to `campaigns`, and one that
 * promotes its goal's advisory checks enforces them from the day after its
 * deadline for the entities it targets.
 *
 * @public
 */
export function evaluateScorecard(
  scorecard: ScorecardDefinition,
  entity: Entity,
  facts: FactSet,
  evaluatedAt: Date,
  ownerInput: OwnerInput = NO_OWNER_INPUT,
  campaigns: readonly CampaignDefinition[] = [],
): ScorecardResult {
  return withMatchBudget(MAX_EVALUATION_MATCH_WORK, () =>
    evaluate(scorecard, entity, facts, evaluatedAt, ownerInput, campaigns),
  );
}

function evaluate(
  scorecard: ScorecardDefinition,
  entity: Entity,
  facts: FactSet,
  evaluatedAt: Date,
  ownerInput: OwnerInput,
  campaigns: readonly CampaignDefinition[],
): ScorecardResult {
  const compiled = compileScorecard(scorecard);
  const { checks, order, categoryAppliesTo } = compiled;
  const targeting =
    campaigns.length === 0
      ? []
      : targetingCampaigns(compiled, scorecard.id, campaigns, entity);
  const advisories =
    compiled.advisoryChecks.length === 0
      ? undefined
      : advisoryChecks(compiled, targeting, dayOf(evaluatedAt));
  const outcomes: CheckOutcome[] = new Array(checks.length);
  const results: CheckResult[] = new Array(checks.length);
  const categories: CategoryVerdicts = new Array(categoryAppliesTo.length);
  const context: EvaluationContext = {
    facts,
    now: evaluatedAt.getTime(),
    checks: outcomes,
    evidence: [],
    attestations: newestAttestations(ownerInput.attestations),
  };
  const exemptions = exemptionsByCheck(ownerInput.exemptions);
  // Referenced checks come first in `order`, so their outcomes are ready.
  for (const index of order) {
    const check = checks[index];
    const misfit = notApplicable(check, entity, categoryAppliesTo, categories);
    const decision = decide(check, entity, context, exemptions, misfit);
    outcomes[index] = decision;
    results[index] = toResult(check, decision, advisories?.[index]);
  }

  const { score, level, nextLevel, categoryScores, counts, advisoryFailing } =
    scoreChecks(scorecard, checks, results);
  const result: ScorecardResult = {
    scorecard: {
      id: scorecard.id,
      title: scorecard.title,
      description: scorecard.description,
      levels: scorecard.levels,
    },
    entityRef: stringifyEntityRef(entity),
    score,
    level,
    nextLevel,
    categories: categoryScores,
    counts,
    advisoryFailing,
    checks: results,
    evaluatedAt: evaluatedAt.toISOString(),
  };
  if (targeting.length > 0) {
    result.campaigns = campaignItems(
      targeting,
      checks,
      results,
      scorecard.levels,
      level,
    );
  }
  return result;
}
