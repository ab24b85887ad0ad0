import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Flex, Link } from '@backstage/ui';
import type { LeaderboardGrouping } from '@readiness/plugin-readiness-common';
import { useRef } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import { useReadinessPageLink } from '../../hooks/useReadinessPageLink';
import { useReadinessPageParams } from '../../hooks/useReadinessPageParams';
import { campaignsRouteRef } from '../../routes';
import { readinessTranslationRef } from '../../translation';
import { scorecardNames } from '../../utils/scorecardNames';
import { AsyncContent } from '../AsyncContent';
import { CampaignBurnUpChart } from '../CampaignBurnUpChart';
import { CampaignEnforcementPreview } from '../CampaignEnforcementPreview';
import {
  CampaignEntitiesTable,
  CampaignEntityFilter,
} from '../CampaignEntitiesTable';
import { CampaignGroupTable } from '../CampaignGroupTable';
import { GROUPINGS } from '../LeaderboardFilters/leaderboardSelection';
import { PageSection } from '../PageSection';
import { CampaignHeader } from './CampaignHeader';

const STATUSES: CampaignEntityFilter['status'][] = [
  'open',
  'met',
  'regressed',
  'all',
];

/**
 * One campaign: what it asks and by when, its burn-up, what enforcing its
 * advisory checks would do, its progress per owner, system or domain, and
 * its entities with the checks they still need. The grouping and the
 * entity filters are in the URL, so a view can be shared.
 */
export function CampaignPage(props: { name: string }) {
  const { name } = props;
  const readinessApi = useApi(readinessApiRef);
  const { t } = useTranslationRef(readinessTranslationRef);
  const [params, setParams] = useReadinessPageParams();
  const campaignsLink = useReadinessPageLink(campaignsRouteRef)({});
  const loaded = useAsync(async () => {
    const details = await readinessApi.getCampaign(name);
    // Only to name checks and levels: without it, ids are shown.
    const scorecard = await readinessApi
      .getScorecard(details.campaign.scorecard)
      .catch(() => undefined);
    return { details, scorecard };
  }, [readinessApi, name]);

  const groupBy: LeaderboardGrouping =
    GROUPINGS.find(grouping => grouping === params.groupBy) ?? 'owner';
  const filter: CampaignEntityFilter = {
    status: STATUSES.find(status => status === params.status) ?? 'open',
    owner: params.owner || undefined,
  };
  const isFirstFilter = filter.status === 'open' && !filter.owner;
  // Picking an owner's entities moves the focus to them, for keyboard and
  // screen reader users.
  const entitiesHeading = useRef<HTMLHeadingElement>(null);

  return (
    <Flex direction="column" gap="4">
      {campaignsLink && (
        <Link href={campaignsLink}>{t('campaignPage.back')}</Link>
      )}
      <AsyncContent
        state={loaded}
        errorTitle={t('campaignPage.errorTitle', { campaign: name })}
      >
        {value => {
          if (!value) {
            return null;
          }
          const { details, scorecard } = value;
          const names = scorecardNames(scorecard);
          return (
            <>
              <CampaignHeader
                details={details}
                scorecardTitle={
                  scorecard?.scorecard.title ?? details.campaign.scorecard
                }
                names={names}
              />
              {details.enforcement && (
                <CampaignEnforcementPreview
                  preview={details.enforcement}
                  names={names}
                />
              )}
              <PageSection title={t('campaignPage.burnUpTitle')}>
                <CampaignBurnUpChart
                  campaign={details.campaign}
                  points={details.burnUp}
                />
              </PageSection>
              <PageSection title={t('campaignPage.groupsTitle')}>
                <CampaignGroupTable
                  details={details}
                  groupBy={groupBy}
                  onGroupByChange={grouping => setParams({ groupBy: grouping })}
                  onShowOwner={owner => {
                    setParams({ owner });
                    entitiesHeading.current?.focus();
                  }}
                />
              </PageSection>
              <PageSection
                title={t('campaignPage.entitiesTitle')}
                headingRef={entitiesHeading}
              >
                <CampaignEntitiesTable
                  campaign={name}
                  filter={filter}
                  onFilterChange={changed =>
                    setParams({
                      status:
                        changed.status === 'open' ? undefined : changed.status,
                      owner: changed.owner,
                    })
                  }
                  firstPage={isFirstFilter ? details.entities : undefined}
                  names={names}
                />
              </PageSection>
            </>
          );
        }}
      </AsyncContent>
    </Flex>
  );
}
