import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Flex, Text } from '@backstage/ui';
import type { CampaignProgress } from '@readiness/plugin-readiness-common';
import { readinessTranslationRef } from '../../translation';
import { ScoreMeter } from '../ScoreMeter';

/** "7 of 10 (70 %)", or "0 of 0" when nothing is targeted. */
export function useProgressText() {
  const { t } = useTranslationRef(readinessTranslationRef);
  return (progress: CampaignProgress) =>
    progress.share === null
      ? t('campaignProgress.value', {
          met: String(progress.met),
          targeted: String(progress.targeted),
        })
      : t('campaignProgress.valueShare', {
          met: String(progress.met),
          targeted: String(progress.targeted),
          percent: String(Math.floor(progress.share * 100)),
        });
}

/**
 * How many of the targeted entities meet a campaign's goal, as words and a
 * bar. The share is rounded down, so that 99.6 % never reads as done.
 */
export function CampaignProgressBar(props: {
  progress: CampaignProgress;
  /** What progresses: the campaign or group, for the bar's label. */
  label: string;
}) {
  const { progress, label } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const text = useProgressText()(progress);
  return (
    <Flex direction="column" gap="1" style={{ minWidth: '8rem' }}>
      <Text variant="body-small">{text}</Text>
      <ScoreMeter
        score={(progress.share ?? 0) * 100}
        label={t('campaignProgress.label', { campaign: label })}
        valueText={text}
      />
    </Flex>
  );
}
