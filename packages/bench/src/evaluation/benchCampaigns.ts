/*
 * Campaigns for `bench:evaluate --campaigns <n>`: inline `kind: Campaign`
 * documents on the production-readiness scorecard, each kind of goal and
 * target the demo's campaigns use, so that the evaluation computes and
 * stores a campaign item per targeted entity as in a real installation.
 */

import { JsonObject } from '@backstage/config';

/** Goals and targets, used in turn: checks or a level, all or some entities. */
const TEMPLATES = [
  {
    goal: { checks: ['on-call', 'escalation-path'] },
    appliesTo: { 'spec.lifecycle': 'production' },
  },
  { goal: { level: 'bronze' } },
  { goal: { level: 'silver' }, appliesTo: { 'spec.type': 'service' } },
  { goal: { checks: ['runbook', 'alerting', 'metrics-dashboards'] } },
  { goal: { checks: ['slos'] }, appliesTo: { 'spec.type': 'website' } },
];

/**
 * `count` campaign documents, for `readiness.scorecards` entries `inline`.
 * Their dates span years, so that they target entities whatever the day.
 */
export function benchCampaigns(count: number): JsonObject[] {
  return Array.from({ length: count }, (_, i) => {
    const { goal, appliesTo } = TEMPLATES[i % TEMPLATES.length];
    return {
      apiVersion: 'readiness/v1',
      kind: 'Campaign',
      metadata: { name: `bench-campaign-${i + 1}`, title: `Campaign ${i + 1}` },
      spec: {
        scorecard: 'production-readiness',
        goal,
        ...(appliesTo && { appliesTo }),
        startsAt: '2026-01-01',
        dueAt: '2030-12-31',
      },
    };
  });
}
