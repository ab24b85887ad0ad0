import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useCallback } from 'react';
import { readinessTranslationRef } from '../translation';
import { CampaignTime, campaignTimeWords } from '../utils/campaignTime';

/** Puts a campaign's time in words: "due in 12 days", "ended 5 days ago". */
export function useCampaignTimeText(): (time: CampaignTime) => string {
  const { t } = useTranslationRef(readinessTranslationRef);
  return useCallback(
    (time: CampaignTime) => {
      const words = campaignTimeWords(time);
      return words.key === 'dueToday'
        ? t('campaignTime.dueToday')
        : t(`campaignTime.${words.key}`, { count: words.count });
    },
    [t],
  );
}
