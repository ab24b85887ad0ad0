import { createTranslationRef } from '@backstage/frontend-plugin-api';

/**
 * Messages of the readiness plugin, overridable through the translation API.
 *
 * @public
 */
export const readinessTranslationRef = createTranslationRef({
  id: 'readiness',
  messages: {
    entityReadinessCard: {
      title: 'Readiness',
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
      evaluated: 'Evaluated {{time}}',
      failingTitle: 'Top failing checks',
      unknownTitle: 'Could not be determined',
    },
    checkList: {
      more_one: 'and {{count}} more',
      more_other: 'and {{count}} more',
    },
    check: {
      failing: 'Failing',
      unknown: 'Unknown',
      docsLink: 'How to fix: {{check}}',
    },
  },
});
