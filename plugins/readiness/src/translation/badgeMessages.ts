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
    revoke: 'Revoke link',
    revokeConfirm:
      'Revoke this link? Wherever it is used, such as a README, the badge stops showing. A new badge gets a new link.',
    revokeConfirmButton: 'Revoke',
    cancel: 'Cancel',
    revoking: 'Revoking the link…',
    revokeErrorTitle: 'Could not revoke the link',
    revoked:
      'The old link no longer works: the badge stops showing wherever it was used (within a few minutes, as servers and browsers keep it briefly). Create a new badge for a new link.',
    createNew: 'Create a new badge',
    done: 'Done',
    publicOff:
      'Public badges are off in this Backstage, so a badge cannot be shown outside it. An administrator turns them on with readiness.badges.public: true in app-config.',
  },
} as const;
