import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Flex, Link, Text } from '@backstage/ui';
import type { CampaignDetails } from '@readiness/plugin-readiness-common';
import { useCampaignGoalText } from '../../hooks/useCampaignGoalText';
import { useCampaignTimeText } from '../../hooks/useCampaignTimeText';
import { useReadinessPageLink } from '../../hooks/useReadinessPageLink';
import { readinessTranslationRef } from '../../translation';
import type { ScorecardNames } from '../../utils/scorecardNames';
import { CampaignProgressBar } from '../CampaignProgressBar';
import { SafeMarkdown } from '../SafeMarkdown';

/**
 * What a campaign asks, of what, by whom and by when; how far it got and
 * when, at its pace, it will be done.
 */
export function CampaignHeader(props: {
  details: CampaignDetails;
  scorecardTitle: string;
  names: ScorecardNames;
}) {
  const { details, scorecardTitle, names } = props;
  const { campaign, projectedCompletion } = details;
  const { t } = useTranslationRef(readinessTranslationRef);
  const goalText = useCampaignGoalText();
  const timeText = useCampaignTimeText();
  const scorecardLink = useReadinessPageLink()({
    scorecard: campaign.scorecard,
  });

  let projection: string = t('campaignPage.noProjection');
  if (campaign.targeted > 0 && campaign.met === campaign.targeted) {
    projection = t('campaignPage.goalMet');
  } else if (projectedCompletion) {
    projection = t('campaignPage.projected', { date: projectedCompletion });
  }

  return (
    <Flex direction="column" gap="2">
      <Text as="h2" variant="title-small">
        {campaign.title}
      </Text>
      {campaign.description && <SafeMarkdown content={campaign.description} />}
      <Text as="p">
        {t('campaignPage.scorecard', {
          scorecard: scorecardLink ? (
            <Link href={scorecardLink}>{scorecardTitle}</Link>
          ) : (
            scorecardTitle
          ),
        })}
        {' · '}
        {goalText(campaign.goal, names)}
      </Text>
      <Text as="p">
        {t(`campaignPhase.${campaign.phase}`)}
        {' · '}
        {t('campaignPage.dates', {
          startsAt: campaign.startsAt,
          dueAt: campaign.dueAt,
          time: timeText(campaign),
        })}
        {campaign.owner && (
          <>
            {' · '}
            {t('campaignPage.owner', {
              owner: <EntityRefLink entityRef={campaign.owner} />,
            })}
          </>
        )}
      </Text>
      <CampaignProgressBar progress={campaign} label={campaign.title} />
      <Text as="p" variant="body-small" color="secondary">
        {projection}
      </Text>
    </Flex>
  );
}
