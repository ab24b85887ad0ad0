import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  CheckResult,
  EntityReadiness,
  ScorecardDetails,
  ScorecardOverview,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';

export const entity = (kind = 'Component', name = 'payments'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
});

export const levels = [
  { id: 'bronze', title: 'Bronze' },
  { id: 'silver', title: 'Silver' },
  { id: 'gold', title: 'Gold' },
];

export const minutesAgo = (minutes: number) =>
  new Date(Date.now() - minutes * 60 * 1000).toISOString();

export function check(
  id: string,
  fields: Pick<CheckResult, 'level' | 'status' | 'weight'> &
    Partial<CheckResult>,
): CheckResult {
  return {
    id,
    title: `Title of ${id}`,
    category: 'ownership',
    evidence: [],
    remediation: { text: `Remediation of ${id}` },
    ...fields,
  };
}

export function scorecardResult(
  fields: Partial<ScorecardResult> = {},
): ScorecardResult {
  return {
    scorecard: {
      id: 'production-readiness',
      title: 'Production Readiness',
      description: 'Ready for production?',
      levels,
    },
    entityRef: 'component:default/payments',
    score: 72,
    level: 'bronze',
    nextLevel: 'silver',
    categories: [],
    counts: { pass: 0, fail: 0, unknown: 0, 'not-applicable': 0, waived: 0 },
    checks: [],
    evaluatedAt: minutesAgo(5),
    ...fields,
  };
}

export const readiness = (scorecards: ScorecardResult[]): EntityReadiness => ({
  entityRef: 'component:default/payments',
  scorecards,
});

export function scorecardOverview(
  fields: Partial<ScorecardOverview> = {},
): ScorecardOverview {
  return {
    id: 'production-readiness',
    title: 'Production Readiness',
    description: 'Ready for production?',
    owner: 'group:default/team-platform',
    source: 'production-readiness.yaml',
    levels,
    categories: [{ id: 'ownership', title: 'Ownership' }],
    checks: 46,
    entities: 10,
    averageScore: 64.4,
    levelCounts: { none: 4, bronze: 3, silver: 2, gold: 1 },
    waivedChecks: 3,
    ...fields,
  };
}

/** An error as the backend answers it, through the client. */
export function responseError(status: number, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'NotFoundError', message },
        request: { method: 'GET', url: '/readiness' },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}

export function scorecardDetails(
  fields: Partial<ScorecardDetails> = {},
): ScorecardDetails {
  return {
    scorecard: scorecardOverview(),
    definition: {
      id: 'production-readiness',
      title: 'Production Readiness',
      description: 'Ready for production?',
      appliesTo: { kind: 'component' },
      levels,
      categories: [{ id: 'ownership', title: 'Ownership' }],
      checks: [],
    },
    checks: [
      {
        id: 'owner-set',
        title: 'Has an owner',
        category: 'ownership',
        level: 'bronze',
        weight: 10,
        counts: {
          pass: 9,
          fail: 1,
          unknown: 0,
          'not-applicable': 0,
          waived: 0,
        },
        passRate: 0.9,
      },
      {
        id: 'on-call',
        title: 'Has an on-call rotation',
        category: 'ownership',
        level: 'silver',
        weight: 5,
        counts: {
          pass: 0,
          fail: 0,
          unknown: 0,
          'not-applicable': 10,
          waived: 0,
        },
        passRate: null,
      },
    ],
    problems: [],
    ...fields,
  };
}
