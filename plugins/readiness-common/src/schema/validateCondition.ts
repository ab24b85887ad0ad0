import { Node } from 'yaml';
import { Condition, FactDefinition } from '../types';
import { Context } from './context';
import { hint, orList } from './didYouMean';
import { childPath, Mapping } from './mapping';
import {
  ATTESTATION_CONDITION_KEYS,
  validateAttestationCondition,
} from './validateAttestationCondition';
import {
  FACT_CONDITION_KEYS,
  validateFactCondition,
} from './validateFactCondition';

const CONDITION_KINDS = [
  'all',
  'any',
  'firstKnown',
  'not',
  'fact',
  'attestation',
  'check',
] as const;

/** A `{ check: … }` reference, kept to look for cycles once all are read. */
export interface CheckReferenceSite {
  from: string;
  to: string;
  node: Node;
  path: string;
}

export interface ConditionScope {
  facts: ReadonlyMap<string, FactDefinition>;
  checkIds: readonly string[];
  /** The check whose condition this is. */
  checkId: string;
  /** Every valid reference found is added here. */
  references: CheckReferenceSite[];
}

function validateReference(
  mapping: Mapping,
  scope: ConditionScope,
): Condition | undefined {
  mapping.allowOnly(['check']);
  const check = mapping.string('check', true);
  if (check === undefined) {
    return undefined;
  }
  if (check === scope.checkId) {
    mapping.report('check', `a check cannot refer to itself`);
    return undefined;
  }
  if (!scope.checkIds.includes(check)) {
    mapping.report(
      'check',
      `unknown check "${check}"${hint(check, scope.checkIds, 'checks')}`,
    );
    return undefined;
  }
  scope.references.push({
    from: scope.checkId,
    to: check,
    node: mapping.at('check'),
    path: mapping.pathOf('check'),
  });
  return { check };
}

/**
 * Validates a condition tree: each node is exactly one of `all`, `any`,
 * `firstKnown`, `not`, a fact leaf, an attestation or a check reference.
 */
export function validateCondition(
  ctx: Context,
  node: Node | undefined,
  at: Node,
  path: string,
  scope: ConditionScope,
): Condition | undefined {
  if (!ctx.conditions.spend(message => ctx.report(node ?? at, path, message))) {
    return undefined;
  }
  const mapping = Mapping.of(ctx, node, at, path);
  if (!mapping) {
    return undefined;
  }
  const kinds = CONDITION_KINDS.filter(kind => mapping.has(kind));
  if (kinds.length > 1) {
    mapping.reportKey(
      kinds[1],
      `a condition takes exactly one of ${orList(CONDITION_KINDS)}; found "${
        kinds[0]
      }" and "${kinds[1]}" (wrap them in all or any)`,
    );
    return undefined;
  }
  const kind = kinds[0];
  if (kind === undefined) {
    // A misspelt kind (`fcat`) is the likely cause: say so rather than that
    // the kind is missing.
    const known = [
      ...CONDITION_KINDS,
      ...FACT_CONDITION_KEYS,
      ...ATTESTATION_CONDITION_KEYS,
    ];
    if (mapping.keys().some(key => !known.includes(key))) {
      mapping.allowOnly(known);
    } else {
      mapping.reportSelf(`a condition needs one of ${orList(CONDITION_KINDS)}`);
    }
    return undefined;
  }
  if (kind === 'fact') {
    return validateFactCondition(ctx, mapping, scope.facts);
  }
  if (kind === 'attestation') {
    return validateAttestationCondition(mapping);
  }
  if (kind === 'check') {
    return validateReference(mapping, scope);
  }
  mapping.allowOnly([kind]);
  if (kind === 'not') {
    const inner = validateCondition(
      ctx,
      mapping.value('not'),
      mapping.at('not'),
      mapping.pathOf('not'),
      scope,
    );
    return inner && { not: inner };
  }
  const items = mapping.list(kind, true);
  if (items === undefined) {
    return undefined;
  }
  if (items.length === 0) {
    mapping.report(kind, `"${kind}" needs at least one condition`);
    return undefined;
  }
  const parts = items.map((item, index) =>
    validateCondition(
      ctx,
      item,
      item,
      childPath(mapping.pathOf(kind), index),
      scope,
    ),
  );
  if (parts.some(part => part === undefined)) {
    return undefined;
  }
  return { [kind]: parts } as Condition;
}
