import { ScorecardResult } from '@readiness/plugin-readiness-common';
import { EntityAttributes, ResultWriter } from '../store';

/** The scorecard the store tests score entities on. */
export const SCORECARD = 'production-readiness';

/** A result to store, with its scorecard's version. */
export function stored(evaluated: ScorecardResult, scorecardVersion = 'v1') {
  return { result: evaluated, scorecardVersion };
}

/** A result of `score` with no checks, or with these check statuses. */
export function result(
  scorecardId: string,
  score: number,
  checks: Record<string, ScorecardResult['checks'][number]['status']> = {},
): ScorecardResult {
  return {
    scorecard: {
      id: scorecardId,
      title: scorecardId,
      description: '',
      levels: [],
    },
    entityRef: 'component:default/checkout',
    score,
    level: null,
    nextLevel: null,
    categories: [],
    counts: { pass: 0, fail: 0, unknown: 0, 'not-applicable': 0, waived: 0 },
    checks: Object.entries(checks).map(([id, status]) => ({
      id,
      title: id,
      category: 'c',
      level: 'bronze',
      weight: 1,
      status,
      evidence: [],
      remediation: { text: '' },
    })),
    evaluatedAt: '2026-11-25T10:00:00.000Z',
  };
}

/** A component's attributes, with nothing declared but what is given. */
export function attributes(
  given: Partial<EntityAttributes> = {},
): EntityAttributes {
  return {
    owner: null,
    system: null,
    domain: null,
    kind: 'component',
    type: null,
    lifecycle: null,
    tags: [],
    ...given,
  };
}

/** Stores a component's result on {@link SCORECARD}, computed at a time. */
export function scoreAt(
  writer: ResultWriter,
  name: string,
  evaluatedAt: string,
  score: number,
  level: string | null,
  given: Partial<EntityAttributes> = {},
) {
  return writer.replaceEntityResults(
    {
      ref: `component:default/${name}`,
      etag: null,
      attributes: attributes(given),
    },
    [stored({ ...result(SCORECARD, score), level, evaluatedAt })],
  );
}
