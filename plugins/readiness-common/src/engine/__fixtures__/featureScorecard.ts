import { Entity } from '@backstage/catalog-model';
import {
  CheckDefinition,
  Condition,
  FactSet,
  FactValue,
  ScorecardDefinition,
  WaiverDefinition,
} from '../../types';
import { evaluateScorecard } from '../evaluateScorecard';

/** When the feature tests evaluate. */
export const now = new Date('2026-11-25T10:00:00Z');

/** A component of `type`, in the AI category when `aiMl`. */
export function entity(name: string, type: string, aiMl = false): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: aiMl ? { 'readiness.dev/ai-ml': 'true' } : {},
    },
    spec: { type },
  };
}

/** Facts with these values, observed `now`. */
export function factsOf(values: Record<string, FactValue>): FactSet {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      { value, source: 'test', observedAt: now.toISOString() },
    ]),
  );
}

/** A bronze core check of weight 1, unless `more` says otherwise. */
export function check(
  id: string,
  condition: Condition,
  more: Partial<CheckDefinition> = {},
): CheckDefinition {
  return {
    id,
    title: id,
    category: 'core',
    level: 'bronze',
    weight: 1,
    condition,
    remediation: { text: `Fix ${id}` },
    ...more,
  };
}

/** A scorecard with a core category and an AI one for AI/ML entities. */
export function scorecard(
  checks: CheckDefinition[],
  waivers?: WaiverDefinition[],
): ScorecardDefinition {
  return {
    id: 'features',
    title: 'Features',
    description: 'Test scorecard',
    appliesTo: { kind: 'component' },
    levels: [
      { id: 'bronze', title: 'Bronze' },
      { id: 'silver', title: 'Silver' },
    ],
    categories: [
      { id: 'core', title: 'Core' },
      {
        id: 'ai',
        title: 'AI',
        appliesTo: { 'metadata.annotations.readiness.dev/ai-ml': 'true' },
      },
    ],
    checks,
    waivers,
  };
}

/** The condition that `fact` is set. */
export const set = (fact: string): Condition => ({ fact, exists: true });

/** Each check's id, status and reason. */
export function statuses(
  card: ScorecardDefinition,
  e: Entity,
  facts: FactSet,
  at = now,
) {
  return evaluateScorecard(card, e, facts, at).checks.map(c => [
    c.id,
    c.status,
    c.reason,
  ]);
}
