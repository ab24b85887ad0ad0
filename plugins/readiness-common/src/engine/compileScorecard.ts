import type { Entity } from '@backstage/catalog-model';
import { filterPredicateToFilterFunction } from '@backstage/filter-predicates';
import {
  CheckDefinition,
  EntityPredicate,
  ScorecardDefinition,
} from '../types';
import type { CampaignDefinition } from '../campaigns';
import type { CompiledCampaign } from './compileCampaign';
import { compileCondition } from './compileCondition';
import { CompiledCondition } from './evaluationContext';
import { compileWaiver, CompiledWaiver } from './compileWaiver';
import { truncate } from './resultLimits';

/** A predicate with the reason given to the entities it excludes. */
export interface CompiledPredicate {
  matches: (entity: Entity) => boolean;
  excluded: string;
}

export interface CompiledCheck {
  definition: CheckDefinition;
  /** Index into the scorecard's categories and levels; -1 if undeclared. */
  categoryIndex: number;
  levelIndex: number;
  appliesTo?: CompiledPredicate;
  /** In the scorecard's order; the first active one applies. */
  waivers: CompiledWaiver[];
  condition: CompiledCondition;
}

export interface CompiledScorecard {
  checks: CompiledCheck[];
  /** Check ids to indexes, for campaign goals. */
  checkIndexes: ReadonlyMap<string, number>;
  levelIndexes: ReadonlyMap<string, number>;
  /** Indexes of the checks that are or may be advisory (`enforcement`, `enforcedFrom`). */
  advisoryChecks: number[];
  /** Lists of campaigns given to the engine, compiled; see `targetingCampaigns`. */
  campaignLists: WeakMap<readonly CampaignDefinition[], CompiledCampaign[]>;
  /** Check indexes, every check after the checks it refers to. */
  order: number[];
  /** By category index; undefined for a category that applies to all. */
  categoryAppliesTo: Array<CompiledPredicate | undefined>;
}

export function compilePredicate(
  predicate: EntityPredicate | undefined,
  subject: string,
): CompiledPredicate | undefined {
  return predicate === undefined
    ? undefined
    : {
        matches: filterPredicateToFilterFunction<Entity>(predicate),
        excluded: truncate(
          `not applicable: ${subject} applies only to ${JSON.stringify(
            predicate,
          )}`,
        ),
      };
}

/** Depth-first, so that the order is the scorecard's wherever it can be. */
function dependencyOrder(
  checks: CheckDefinition[],
  references: number[][],
): number[] {
  const order: number[] = [];
  const done = new Set<number>();
  const path: number[] = [];
  const visit = (index: number) => {
    if (done.has(index)) {
      return;
    }
    if (path.includes(index)) {
      const cycle = [...path.slice(path.indexOf(index)), index];
      throw new Error(
        `Checks refer to each other in a cycle: ${cycle
          .map(i => checks[i].id)
          .join(' -> ')}`,
      );
    }
    path.push(index);
    references[index].forEach(visit);
    path.pop();
    done.add(index);
    order.push(index);
  };
  checks.forEach((_, index) => visit(index));
  return order;
}

function compile(scorecard: ScorecardDefinition): CompiledScorecard {
  const indexOf = (ids: { id: string }[]) =>
    new Map(ids.map(({ id }, index) => [id, index]));
  const checkIndexes = indexOf(scorecard.checks);
  const categoryIndexes = indexOf(scorecard.categories);
  const levelIndexes = indexOf(scorecard.levels);

  const waivers = scorecard.checks.map((): CompiledWaiver[] => []);
  for (const waiver of scorecard.waivers ?? []) {
    const index = checkIndexes.get(waiver.check);
    if (index === undefined) {
      throw new Error(`Waiver refers to unknown check ${waiver.check}`);
    }
    waivers[index].push(compileWaiver(waiver));
  }

  const references: number[][] = [];
  const checks = scorecard.checks.map((check, index): CompiledCheck => {
    references.push([]);
    const condition = compileCondition(check.condition, id => {
      const referenced = checkIndexes.get(id);
      if (referenced === undefined) {
        throw new Error(`Check ${check.id} refers to unknown check ${id}`);
      }
      references[index].push(referenced);
      return referenced;
    });
    return {
      definition: check,
      categoryIndex: categoryIndexes.get(check.category) ?? -1,
      levelIndex: levelIndexes.get(check.level) ?? -1,
      appliesTo: compilePredicate(check.appliesTo, `check ${check.id}`),
      waivers: waivers[index],
      condition,
    };
  });

  return {
    checks,
    checkIndexes,
    levelIndexes,
    advisoryChecks: scorecard.checks.flatMap((check, index) =>
      check.enforcement === 'advisory' || check.enforcedFrom !== undefined
        ? [index]
        : [],
    ),
    campaignLists: new WeakMap(),
    order: dependencyOrder(scorecard.checks, references),
    categoryAppliesTo: scorecard.categories.map(category =>
      compilePredicate(category.appliesTo, `category ${category.id}`),
    ),
  };
}

// Scorecards are treated as immutable: each is compiled on first use.
const compiled = new WeakMap<ScorecardDefinition, CompiledScorecard>();

/**
 * A scorecard resolved into closures: operators, patterns, durations, entity
 * predicates and the order of check references. Throws on a condition that
 * cannot be compiled, a reference to an unknown check or a reference cycle.
 */
export function compileScorecard(
  scorecard: ScorecardDefinition,
): CompiledScorecard {
  let result = compiled.get(scorecard);
  if (result === undefined) {
    result = compile(scorecard);
    compiled.set(scorecard, result);
  }
  return result;
}
