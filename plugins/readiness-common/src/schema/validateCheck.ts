import { parseEntityRef } from '@backstage/catalog-model';
import {
  CheckDefinition,
  CheckEnforcement,
  Remediation,
  Severity,
} from '../types';
import { readCalendarDay } from './calendarDay';
import { Context } from './context';
import { hint, orList } from './didYouMean';
import { Mapping } from './mapping';
import { ConditionScope, validateCondition } from './validateCondition';
import { validatePredicate } from './validatePredicate';

const SEVERITY_WEIGHTS: Record<Severity, number> = {
  critical: 10,
  high: 5,
  medium: 3,
  low: 1,
};
const SEVERITIES = Object.keys(SEVERITY_WEIGHTS);

const CHECK_KEYS = [
  'id',
  'title',
  'description',
  'category',
  'level',
  'weight',
  'severity',
  'appliesTo',
  'condition',
  'remediation',
  'exemptible',
  'enforcement',
  'enforcedFrom',
];
const ENFORCEMENTS: readonly CheckEnforcement[] = ['enforced', 'advisory'];

export interface CheckScope extends Omit<ConditionScope, 'checkId'> {
  levelIds: readonly string[];
  categoryIds: readonly string[];
}

/** The `category` or `level` of a check, which must be one the scorecard defines. */
function reference(
  mapping: Mapping,
  key: 'category' | 'level',
  ids: readonly string[],
): string | undefined {
  const id = mapping.string(key, true);
  if (id === undefined || ids.includes(id)) {
    return id;
  }
  const label = key === 'category' ? 'categories' : 'levels';
  mapping.report(key, `unknown ${key} "${id}"${hint(id, ids, label)}`);
  return undefined;
}

/** The weight, given directly or by severity: exactly one of the two. */
function weightOf(
  mapping: Mapping,
): { weight: number; severity?: Severity } | undefined {
  if (mapping.has('weight') && mapping.has('severity')) {
    mapping.report('severity', 'give either "weight" or "severity", not both');
    return undefined;
  }
  if (mapping.has('severity')) {
    const severity = mapping.string('severity', true);
    if (severity === undefined) {
      return undefined;
    }
    if (!SEVERITIES.includes(severity)) {
      mapping.report(
        'severity',
        `unknown severity "${severity}"${hint(severity, SEVERITIES, 'use')}`,
      );
      return undefined;
    }
    return {
      weight: SEVERITY_WEIGHTS[severity as Severity],
      severity: severity as Severity,
    };
  }
  if (!mapping.has('weight')) {
    mapping.reportSelf(
      `a check needs a "weight" (up to 100) or a "severity" (${orList(
        SEVERITIES,
      )})`,
    );
    return undefined;
  }
  const weight = mapping.number('weight', true);
  if (weight === undefined) {
    return undefined;
  }
  if (!(weight > 0 && weight <= 100)) {
    mapping.report(
      'weight',
      `must be a positive number no greater than 100, got ${weight}`,
    );
    return undefined;
  }
  return { weight };
}

/**
 * `enforcement` and `enforcedFrom`: a check is advisory for good, or until
 * a day, not both.
 */
function enforcementOf(
  mapping: Mapping,
): Pick<CheckDefinition, 'enforcement' | 'enforcedFrom'> | undefined {
  const enforcement = mapping.string('enforcement', false);
  const enforcedFrom = readCalendarDay(mapping, 'enforcedFrom', false);
  if (
    enforcement !== undefined &&
    !(ENFORCEMENTS as readonly string[]).includes(enforcement)
  ) {
    mapping.report(
      'enforcement',
      `unknown enforcement "${enforcement}"${hint(
        enforcement,
        ENFORCEMENTS,
        'use',
      )}`,
    );
    return undefined;
  }
  if (enforcement === 'advisory' && mapping.has('enforcedFrom')) {
    mapping.reportKey(
      'enforcedFrom',
      'an advisory check is never enforced: give either "enforcement: advisory" or "enforcedFrom", not both',
    );
    return undefined;
  }
  if (mapping.has('enforcedFrom') && enforcedFrom === undefined) {
    return undefined;
  }
  return {
    ...(enforcement !== undefined && {
      enforcement: enforcement as CheckEnforcement,
    }),
    ...(enforcedFrom !== undefined && { enforcedFrom }),
  };
}

function validateRemediation(mapping: Mapping): Remediation | undefined {
  mapping.allowOnly(['text', 'docsUrl', 'template']);
  const text = mapping.string('text', true);
  const docsUrl = mapping.string('docsUrl', false);
  const template = mapping.string('template', false);
  if (docsUrl !== undefined && !/^https?:$/.test(urlProtocol(docsUrl))) {
    mapping.report('docsUrl', `must be an http(s) URL, got "${docsUrl}"`);
  }
  const problem =
    template === undefined ? undefined : templateProblem(template);
  if (problem) {
    mapping.report('template', problem);
  }
  if (text === undefined) {
    return undefined;
  }
  return {
    text,
    ...(docsUrl !== undefined && { docsUrl }),
    ...(template !== undefined && { template }),
  };
}

function urlProtocol(text: string): string {
  try {
    return new URL(text).protocol;
  } catch {
    return '';
  }
}

function templateProblem(ref: string): string | undefined {
  try {
    const { kind } = parseEntityRef(ref);
    return kind.toLocaleLowerCase('en-US') === 'template'
      ? undefined
      : `must be the entity ref of a Scaffolder template (kind template), got kind "${kind}"`;
  } catch (error) {
    return `must be an entity ref such as template:default/add-owner: ${
      (error as Error).message
    }`;
  }
}

/** Validates one check whose `id` has already been read. */
export function validateCheck(
  ctx: Context,
  mapping: Mapping,
  id: string | undefined,
  scope: CheckScope,
): CheckDefinition | undefined {
  mapping.allowOnly(CHECK_KEYS);
  const title = mapping.string('title', true);
  const description = mapping.string('description', false);
  const category = reference(mapping, 'category', scope.categoryIds);
  const level = reference(mapping, 'level', scope.levelIds);
  const weight = weightOf(mapping);
  const appliesTo = validatePredicate(ctx, mapping, 'appliesTo', false);
  ctx.conditions.startCheck();
  const condition = mapping.has('condition')
    ? validateCondition(
        ctx,
        mapping.value('condition'),
        mapping.at('condition'),
        mapping.pathOf('condition'),
        { ...scope, checkId: id ?? '' },
      )
    : mapping.reportMissing('condition');
  const exemptible = mapping.boolean('exemptible', false);
  const enforcement = enforcementOf(mapping);
  const remediationMapping = mapping.mapping('remediation', true);
  const remediation =
    remediationMapping && validateRemediation(remediationMapping);
  if (
    id === undefined ||
    title === undefined ||
    category === undefined ||
    level === undefined ||
    weight === undefined ||
    condition === undefined ||
    remediation === undefined ||
    enforcement === undefined
  ) {
    return undefined;
  }
  return {
    id,
    title,
    ...(description !== undefined && { description }),
    category,
    level,
    ...weight,
    ...(appliesTo !== undefined && { appliesTo }),
    condition,
    remediation,
    ...(exemptible !== undefined && { exemptible }),
    ...enforcement,
  };
}
