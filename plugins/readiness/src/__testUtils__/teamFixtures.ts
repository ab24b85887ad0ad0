import type { TeamReadiness } from '@readiness/plugin-readiness-common';

/** A team of two groups, with a campaign item due and a level drop. */
export function teamReadiness(
  fields: Partial<TeamReadiness> = {},
): TeamReadiness {
  return {
    group: 'group:default/team-a',
    scorecard: 'production-readiness',
    groups: ['group:default/team-a', 'group:default/team-a-web'],
    entities: 3,
    averageScore: 61.7,
    levelCounts: { none: 1, bronze: 1, gold: 1 },
    waivedChecks: 0,
    trend: { since: '2026-10-26T12:00:00Z', averageScore: 55, change: 6.7 },
    members: [
      {
        entityRef: 'component:default/cart',
        owner: 'group:default/team-a-web',
        level: null,
        score: 25,
      },
      {
        entityRef: 'component:default/checkout',
        owner: 'group:default/team-a',
        level: 'bronze',
        score: 60,
      },
      {
        entityRef: 'component:default/search',
        owner: 'group:default/team-a',
        level: 'gold',
        score: 100,
      },
    ],
    due: [
      {
        campaign: 'slo-everywhere',
        title: 'SLOs everywhere',
        dueAt: '2026-12-07',
        daysLeft: 12,
        open: 2,
        entities: ['component:default/cart', 'component:default/checkout'],
        checks: ['slos', 'alerting'],
      },
    ],
    regressions: [
      {
        entityRef: 'component:default/checkout',
        scorecard: 'production-readiness',
        changedAt: new Date(Date.now() - 2 * 24 * 3600 * 1000).toISOString(),
        levelBefore: 'silver',
        levelAfter: 'bronze',
        cause: 'facts',
      },
    ],
    ...fields,
  };
}
