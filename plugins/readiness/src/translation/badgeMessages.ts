/** Messages of readiness badges: the button and dialog on the Readiness tab. */
export const badgeMessages = {
  badge: {
    button: 'Badge',
    buttonLabel: 'Badge of {{scorecard}}',
    title: 'Readiness badge: {{scorecard}}',
    intro:
      "Show this entity's level and score on {{scorecard}} in a README. Creating the badge gives it a random address where anyone can see it without signing in; it shows the scorecard, the level and the score, never the entity's name.",
    create: 'Create badge',
    loading: 'Making the badge…',
    errorTitle: 'Could not make the badge',
    previewAlt: '{{scorecard}}: readiness badge',
    markdown: 'Markdown',
    copy: 'Copy',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Could not copy; select the text and copy it.',
    done: 'Done',
    publicOff:
      'Public badges are off in this Backstage, so a badge cannot be shown outside it. An administrator turns them on with readiness.badges.public: true in app-config.',
  },
} as const;
