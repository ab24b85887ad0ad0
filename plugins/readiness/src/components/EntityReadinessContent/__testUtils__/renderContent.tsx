import type {
  EntityReadinessHistory,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';
import {
  check,
  entity,
  minutesAgo,
  readiness,
  scorecardDetails,
  scorecardResult,
} from '../../../__testUtils__/fixtures';
import { mockReadinessApi } from '../../../__testUtils__/mockReadinessApi';
import { renderInReadinessTestApp } from '../../../__testUtils__/renderInReadinessTestApp';
import { ReadinessApi } from '../../../api';
import { createFromTemplateRouteRef } from '../../../routes';
import { EntityReadinessContent } from '../EntityReadinessContent';

/** What the tests of the Readiness tab render: one scorecard, in full. */
export const result = scorecardResult({
  score: 60,
  level: 'bronze',
  nextLevel: 'silver',
  categories: [
    { id: 'ownership', title: 'Ownership', score: 50 },
    { id: 'observability', title: 'Observability', score: null },
  ],
  counts: { pass: 1, fail: 1, unknown: 1, 'not-applicable': 1, waived: 0 },
  checks: [
    check('owner-set', {
      level: 'bronze',
      status: 'pass',
      weight: 3,
      description: 'The `spec.owner` names who owns the service.',
      evidence: [
        {
          fact: 'catalog.owner',
          value: 'group:default/team-a',
          source: 'catalog',
          observedAt: minutesAgo(5),
        },
      ],
    }),
    check('on-call', {
      level: 'silver',
      status: 'fail',
      weight: 5,
      reason: 'The annotation pagerduty.com/service-id is not set.',
      evidence: [
        {
          fact: 'catalog.annotations',
          key: 'pagerduty.com/service-id',
          value: null,
          source: 'catalog',
          observedAt: minutesAgo(5),
        },
      ],
      remediation: {
        text: 'Add **the annotation**. <img src=x onerror="alert(1)">',
        docsUrl: 'https://docs.example.com/on-call',
        template: 'template:default/add-pagerduty',
      },
    }),
    check('ci', {
      level: 'silver',
      status: 'unknown',
      weight: 2,
      reason: 'The CI collector timed out.',
    }),
    check('dashboards', {
      category: 'observability',
      level: 'gold',
      status: 'not-applicable',
      weight: 1,
    }),
  ],
});

export const history: EntityReadinessHistory = {
  entityRef: 'component:default/payments',
  changes: [
    {
      scorecard: 'production-readiness',
      changedAt: '2026-11-20T10:00:00Z',
      cause: 'facts',
      levelBefore: null,
      levelAfter: 'bronze',
      scoreBefore: 40,
      scoreAfter: 60,
      checks: [{ check: 'owner-set', before: 'fail', after: 'pass' }],
    },
    {
      scorecard: 'production-readiness',
      changedAt: '2026-11-01T10:00:00Z',
      cause: 'first-evaluation',
      levelBefore: null,
      levelAfter: null,
      scoreBefore: null,
      scoreAfter: 40,
      checks: [],
    },
    {
      scorecard: 'api-quality',
      changedAt: '2026-11-02T10:00:00Z',
      cause: 'entity',
      levelBefore: null,
      levelAfter: 'gold',
      scoreBefore: null,
      scoreAfter: 100,
      checks: [],
    },
  ],
};

export async function renderContent(
  methods: Partial<ReadinessApi>,
  options: { allowRefresh?: boolean; bindTemplates?: boolean } = {},
) {
  // usePermission keeps decisions per permission and entity for a while,
  // so the tests that are allowed to refresh use an entity of their own.
  const name = options.allowRefresh ? 'refreshable' : 'payments';
  const api = mockReadinessApi({
    getEntityHistory: async () => history,
    getScorecard: async () => scorecardDetails(),
    listExemptions: async () => ({ items: [] }),
    listAttestations: async () => ({ items: [] }),
    ...methods,
  });
  await renderInReadinessTestApp(<EntityReadinessContent />, {
    readinessApi: api,
    entity: entity('Component', name),
    allowRefresh: options.allowRefresh,
    mountedRoutes: options.bindTemplates
      ? {
          '/create/templates/:namespace/:templateName':
            createFromTemplateRouteRef,
        }
      : undefined,
  });
  return api;
}

export const withResult = (...results: ScorecardResult[]) => ({
  getEntityReadiness: async () => readiness(results),
});
