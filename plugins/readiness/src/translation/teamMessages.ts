/** Messages of the team views: the group card and the home page card. */
export const teamMessages = {
  teamReadiness: {
    title: 'Readiness',
    errorTitle: 'Could not load the readiness of {{group}}',
    summary_one: '{{count}} entity, average score {{average}}',
    summary_other: '{{count}} entities, average score {{average}}',
    empty:
      'No entity of this group, or of the groups under it, is scored on this scorecard.',
    subGroups_one: 'Counts the entities of {{count}} group under it.',
    subGroups_other: 'Counts the entities of {{count}} groups under it.',
    truncated:
      'More groups lie under it: the {{count}} nearest are counted, the deeper ones left out.',
    dueTitle: 'Campaign items due',
    dueItem_one: '{{campaign}}, {{time}}: {{count}} entity — {{checks}}',
    dueItem_other: '{{campaign}}, {{time}}: {{count}} entities — {{checks}}',
    regressionsTitle: 'Level drops this week',
    regression: '{{entity}}: {{before}} → {{after}}, {{time}}',
    membersTitle: 'Entities, lowest score first',
    membersShown: 'The {{shown}} lowest scores of {{total}}.',
    owner: 'Owner',
  },
  homeCard: {
    title: 'Readiness of my teams',
    description:
      'How the entities of your groups, and of the groups under them, stand on a scorecard.',
    noGroups: 'You are not a member of any group.',
    more_one: 'and {{count}} more group',
    more_other: 'and {{count}} more groups',
  },
} as const;
