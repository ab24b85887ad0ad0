import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type {
  CampaignGoal,
  LevelDefinition,
} from '@readiness/plugin-readiness-common';
import { useCallback } from 'react';
import { readinessTranslationRef } from '../translation';
import { levelTitle } from '../utils/levels';

/** What is known of the campaign's scorecard, to name its levels and checks. */
export interface GoalNames {
  levels?: LevelDefinition[];
  /** A check's title; without it, the checks are counted, not named. */
  checkTitle?: (id: string) => string;
}

/** Puts a campaign's goal in words: "Reach Silver", "Pass TLS, On-call". */
export function useCampaignGoalText(): (
  goal: CampaignGoal,
  names?: GoalNames,
) => string {
  const { t } = useTranslationRef(readinessTranslationRef);
  return useCallback(
    (goal: CampaignGoal, names: GoalNames = {}) => {
      if ('level' in goal) {
        return t('campaignGoal.level', {
          level: levelTitle(names.levels ?? [], goal.level),
        });
      }
      const { checkTitle } = names;
      return checkTitle
        ? t('campaignGoal.checks', {
            checks: goal.checks.map(checkTitle).join(', '),
          })
        : t('campaignGoal.checkCount', { count: goal.checks.length });
    },
    [t],
  );
}
