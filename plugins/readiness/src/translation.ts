import { createTranslationRef } from '@backstage/frontend-plugin-api';

/**
 * Messages of the readiness plugin, overridable through the translation API.
 *
 * @public
 */
export const readinessTranslationRef = createTranslationRef({
  id: 'readiness',
  messages: {
    page: {
      title: 'Readiness',
      description:
        'How ready the services are for production: scorecards and leaderboards.',
      tabsLabel: 'Readiness views',
      scorecardsTab: 'Scorecards',
      leaderboardTab: 'Leaderboards',
    },
    entityReadinessCard: {
      title: 'Readiness',
    },
    entityReadinessContent: {
      title: 'Readiness',
    },
    entityReadiness: {
      errorTitle: 'Could not load readiness scores for {{entityRef}}',
      empty:
        'No readiness scorecard applies to this entity, so there is nothing to score yet.',
    },
    scorecard: {
      score: '{{score}} / 100',
      scoreLabel: '{{scorecard}} score',
      level: 'Level: {{level}}',
      noLevel: 'No level yet',
      topLevelReached: 'Highest level reached.',
      nextLevel_one: 'To reach {{level}}, {{count}} check is not passing yet:',
      nextLevel_other:
        'To reach {{level}}, {{count}} checks are not passing yet:',
      failingTitle: 'Top failing checks',
      unknownTitle: 'Could not be determined',
      counts:
        '{{pass}} passing, {{fail}} failing, {{unknown}} unknown, {{notApplicable}} not applicable, {{waived}} waived',
    },
    freshness: {
      evaluated: 'Evaluated {{time}}',
      oldestFact: 'oldest fact observed {{time}}',
    },
    checkList: {
      more_one: 'and {{count}} more',
      more_other: 'and {{count}} more',
    },
    status: {
      pass: 'Passing',
      fail: 'Failing',
      unknown: 'Unknown',
      'not-applicable': 'Not applicable',
      waived: 'Waived',
    },
    basis: {
      verified: 'Verified',
      declared: 'Declared',
      verifiedHint: 'Observed by a collector (repository or integration)',
      declaredHint: 'Only declared in the catalog',
    },
    check: {
      reason: 'Why: {{reason}}',
    },
    category: {
      notScored: 'Not scored',
    },
    evidence: {
      title: 'Evidence',
      absent: 'is not set',
      observed: 'from {{source}}, observed {{time}}',
    },
    remediation: {
      docsLink: 'How to fix: {{check}}',
      newWindow: '(opens in a new window)',
      templateLink: 'Fix it with the template {{template}}',
      templateName: 'Scaffolder template: {{template}}',
    },
    refresh: {
      button: 'Refresh now',
      errorTitle: 'Could not refresh the readiness scores',
    },
    history: {
      title: 'History',
      sectionLabel: 'History of {{scorecard}}',
      errorTitle: 'Could not load the history',
      empty: 'No change has been recorded yet.',
      chartSummary:
        '{{scorecard}} score and level over time: from {{firstScore}} ({{firstLevel}}) on {{from}} to {{lastScore}} ({{lastLevel}}) on {{to}}.',
      score: 'Score',
      level: 'Level',
      when: 'When',
      cause: 'Cause',
      checks: 'Checks that changed',
      fromTo: '{{before}} → {{after}}',
      checkChange: '{{check}}: {{change}}',
      checkAbsent: 'Absent',
      firstEvaluationChecks_one: '{{count}} check evaluated',
      firstEvaluationChecks_other: '{{count}} checks evaluated',
    },
    cause: {
      'first-evaluation': 'First evaluation',
      entity: 'The entity changed in the catalog',
      scorecard: 'The scorecard changed',
      facts: 'New facts were observed',
    },
    level: {
      none: 'No level',
      count: '{{level}}: {{count}}',
      entities: 'Entities',
      chartSummary: 'Entities per level: {{counts}}.',
    },
    problems: {
      title_one: '{{count}} scorecard definition was kept out',
      title_other: '{{count}} scorecard definitions were kept out',
    },
    scorecards: {
      errorTitle: 'Could not load the scorecards',
      empty: 'No scorecard is in force.',
      scorecard: 'Scorecard',
      checks: 'Checks',
      entities: 'Entities scored',
      averageScore: 'Average score',
      notScored: 'Not scored yet',
      levels: 'Entities per level',
    },
    scorecardPage: {
      errorTitle: 'Could not load the scorecard {{scorecard}}',
      back: 'All scorecards',
      leaderboard: 'Leaderboard of this scorecard',
      owner: 'Maintained by {{owner}}.',
      source: 'Defined in {{source}}.',
      noEntities: 'No entity has been scored on this scorecard yet.',
      standing_one: '{{count}} entity scored, average score {{average}}.',
      standing_other: '{{count}} entities scored, average score {{average}}.',
      levelsTitle: 'Levels',
      checksTitle: 'Checks',
      failingTitle: 'Entities failing “{{check}}”',
    },
    checks: {
      check: 'Check',
      placement: '{{category}} · {{level}}',
      weight: 'Weight',
      passRate: 'Pass rate',
      passRateLabel: 'Pass rate of {{check}}',
      percent: '{{percent}} %',
      notDecided: 'No entity decided',
      failing: 'Failing',
      unknown: 'Unknown',
      actions: 'Actions',
      showFailing: 'Failing entities',
      showFailingLabel: 'Failing entities: {{check}}',
    },
    results: {
      entity: 'Entity',
      score: 'Score',
      level: 'Level',
      evaluated: 'Evaluated',
      empty: 'No entity matches.',
      errorTitle: 'Could not load the entities',
    },
    drillDown: {
      close: 'Close',
      closeLabel: 'Close {{title}}',
    },
    filters: {
      scorecard: 'Scorecard',
      groupBy: 'Group by',
      period: 'Trend over',
      periodDays_one: '{{count}} day',
      periodDays_other: '{{count}} days',
      kind: 'Kind',
      type: 'Type',
      lifecycle: 'Lifecycle',
      tag: 'Tag',
      any: 'Any',
      facetsError:
        'Could not load the kinds, types, lifecycles and tags from the catalog.',
    },
    grouping: {
      owner: 'Owner',
      system: 'System',
      domain: 'Domain',
    },
    leaderboard: {
      errorTitle: 'Could not load the leaderboard',
      empty: 'No entity has been scored with these filters.',
      entities: 'Entities',
      averageScore: 'Average score',
      levels: 'Entities per level',
      trend: 'Trend',
      actions: 'Actions',
      showEntities: 'Entities',
      showEntitiesLabel: 'Entities of {{group}}',
      entitiesOf: 'Entities of {{group}}',
      noGroup: {
        owner: 'No owner',
        system: 'No system',
        domain: 'No domain',
      },
      entitiesWithout: {
        owner: 'Entities without an owner',
        system: 'Entities in no system',
        domain: 'Entities in no domain',
      },
      averageNow: 'Average now',
      averageThen_one: 'Average {{count}} day ago',
      averageThen_other: 'Average {{count}} days ago',
      chartSummary_one:
        'Average score {{count}} day ago and now, per group: {{groups}}.',
      chartSummary_other:
        'Average score {{count}} days ago and now, per group: {{groups}}.',
      chartGroup: '{{group}} from {{then}} to {{now}}',
    },
    trend: {
      change: '{{change}} since {{since}}',
      none: 'No score on {{since}}',
    },
  },
});
