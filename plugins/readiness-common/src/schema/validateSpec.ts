import {
  CategoryDefinition,
  FactDefinition,
  LevelDefinition,
  ScorecardDefinition,
} from '../types';
import { Context } from './context';
import { Identified, readIdentifiedList } from './identifiedList';
import { childPath, Mapping } from './mapping';
import { findReferenceCycles } from './referenceCycles';
import { validateCheck } from './validateCheck';
import {
  validateAttestationRules,
  validateExemptionRules,
} from './validateOwnerInputRules';
import { CheckReferenceSite } from './validateCondition';
import { validatePredicate } from './validatePredicate';
import { validateWaiver } from './validateWaiver';

type Spec = Pick<
  ScorecardDefinition,
  | 'appliesTo'
  | 'levels'
  | 'categories'
  | 'checks'
  | 'waivers'
  | 'exemptions'
  | 'attestations'
>;

function validateLevel({
  mapping,
  id,
}: Identified): LevelDefinition | undefined {
  mapping.allowOnly(['id', 'title', 'description']);
  const title = mapping.string('title', true);
  const description = mapping.string('description', false);
  return id && title
    ? { id, title, ...(description !== undefined && { description }) }
    : undefined;
}

function validateCategory(
  ctx: Context,
  { mapping, id }: Identified,
): CategoryDefinition | undefined {
  mapping.allowOnly(['id', 'title', 'description', 'appliesTo']);
  const title = mapping.string('title', true);
  const description = mapping.string('description', false);
  const appliesTo = validatePredicate(ctx, mapping, 'appliesTo', false);
  return id && title
    ? {
        id,
        title,
        ...(description !== undefined && { description }),
        ...(appliesTo !== undefined && { appliesTo }),
      }
    : undefined;
}

/** The distinct ids, for references to check and to list in messages. */
function idsOf(items: Identified[]): string[] {
  return [...new Set(items.flatMap(item => (item.id ? [item.id] : [])))];
}

/** All the values, or undefined if any is missing. */
function allDefined<T>(values: (T | undefined)[]): T[] | undefined {
  return values.every(value => value !== undefined)
    ? (values as T[])
    : undefined;
}

/**
 * Validates a scorecard's `spec`. Levels, categories and check ids are read
 * first, so that checks and waivers can refer to ones defined after them.
 */
export function validateSpec(
  ctx: Context,
  spec: Mapping,
  facts: ReadonlyMap<string, FactDefinition>,
): Spec | undefined {
  spec.allowOnly([
    'appliesTo',
    'levels',
    'categories',
    'checks',
    'waivers',
    'exemptions',
    'attestations',
  ]);
  const appliesTo = validatePredicate(ctx, spec, 'appliesTo', true);
  const levelItems = readIdentifiedList(ctx, spec, 'levels', 'level', 'gold');
  const categoryItems = readIdentifiedList(
    ctx,
    spec,
    'categories',
    'category',
    'observability',
  );
  const checkItems = readIdentifiedList(
    ctx,
    spec,
    'checks',
    'check',
    'owner-set',
  );
  const levels = allDefined(levelItems.map(validateLevel));
  const categories = allDefined(
    categoryItems.map(item => validateCategory(ctx, item)),
  );

  const checkIds = idsOf(checkItems);
  const references: CheckReferenceSite[] = [];
  const checks = allDefined(
    checkItems.map(({ mapping, id }) =>
      validateCheck(ctx, mapping, id, {
        facts,
        checkIds,
        levelIds: idsOf(levelItems),
        categoryIds: idsOf(categoryItems),
        references,
      }),
    ),
  );
  for (const { site, cycle } of findReferenceCycles(references)) {
    ctx.report(
      site.node,
      site.path,
      `check references form a cycle: ${cycle.join(' -> ')}`,
    );
  }

  const waiverItems = spec.list('waivers', false);
  const waivers =
    waiverItems &&
    allDefined(
      waiverItems.map((item, index) => {
        const path = childPath(spec.pathOf('waivers'), index);
        const mapping = Mapping.of(ctx, item, item, path);
        return mapping && validateWaiver(ctx, mapping, checkIds);
      }),
    );

  const exemptions = validateExemptionRules(spec);
  const attestations = validateAttestationRules(spec);
  if (!appliesTo || !levels || !categories || !checks) {
    return undefined;
  }
  return {
    appliesTo,
    levels,
    categories,
    checks,
    ...(waivers !== undefined && { waivers }),
    ...(exemptions !== undefined && { exemptions }),
    ...(attestations !== undefined && { attestations }),
  };
}
