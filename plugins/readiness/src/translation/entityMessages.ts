/** Messages of an entity's readiness: its scorecards, checks, evidence and history. */
export const entityMessages = {
  page: {
    title: 'Readiness',
    description:
      'How ready the services are for production: scorecards and leaderboards.',
    tabsLabel: 'Readiness views',
    scorecardsTab: 'Scorecards',
    leaderboardTab: 'Leaderboards',
    exemptionsTab: 'Exemptions',
    campaignsTab: 'Campaigns',
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
    advisoryTitle_one: '{{count}} advisory warning',
    advisoryTitle_other: '{{count}} advisory warnings',
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
    attested: 'Attested',
    attestedHint: 'Attested by the owners',
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
  csv: {
    download: 'Download CSV',
    errorTitle: 'Could not build the CSV file',
  },
  advisory: {
    label: 'Advisory',
    until: 'Advisory — enforced from {{date}}',
    explanation:
      'Advisory: reported, but neither scored nor blocking a level for now.',
    explanationUntil:
      'Advisory: reported, but neither scored nor blocking a level until {{date}}.',
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
    exemption: 'An exemption changed',
    attestation: 'An attestation changed',
    campaign: 'A campaign’s deadline enforced its checks',
  },
  level: {
    none: 'No level',
    count: '{{level}}: {{count}}',
    entities: 'Entities',
    chartSummary: 'Entities per level: {{counts}}.',
  },
  waiver: {
    exemption: 'Waived by an exemption until {{date}}',
    people: 'Requested by {{requester}}, approved by {{approver}}.',
    scorecard: 'Waived by the scorecard',
    scorecardUntil: 'Waived by the scorecard until {{date}}',
  },
} as const;
