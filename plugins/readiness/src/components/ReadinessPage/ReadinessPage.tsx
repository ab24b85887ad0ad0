import {
  useAppLocation,
  useAppNavigate,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { Container, Tab, TabList, TabPanel, Tabs } from '@backstage/ui';
import { useReadinessPageLink } from '../../hooks/useReadinessPageLink';
import { useReadinessPageParams } from '../../hooks/useReadinessPageParams';
import { campaignsRouteRef, exemptionsRouteRef } from '../../routes';
import { readinessTranslationRef } from '../../translation';
import { CampaignPage } from '../CampaignPage';
import { CampaignsPage } from '../CampaignsPage';
import { ExemptionsPage } from '../ExemptionsPage';
import { LeaderboardPage } from '../LeaderboardPage';
import { ScorecardListPage } from '../ScorecardListPage';
import { ScorecardPage } from '../ScorecardPage';
import { campaignNameAt, isLinkTo } from './pageLocation';

type ReadinessTab = 'scorecards' | 'leaderboard' | 'exemptions' | 'campaigns';

/** The tabs that are sub-pages of their own, with their own parameters. */
const SUB_PAGES: ReadinessTab[] = ['exemptions', 'campaigns'];

/**
 * The readiness pages: the scorecards (all of them, or one in detail), the
 * leaderboards, the exemptions and the campaigns (all, or one), as tabs.
 * The exemptions and campaigns are sub-pages of their own (`/exemptions`,
 * `/campaigns`, `/campaigns/<name>`); the other two are told apart by the
 * URL's query, which also holds what each shows.
 */
export function ReadinessPage() {
  const { t } = useTranslationRef(readinessTranslationRef);
  const [params, setParams] = useReadinessPageParams();
  const navigate = useAppNavigate();
  const pageLink = useReadinessPageLink();
  const exemptionsLink = useReadinessPageLink(exemptionsRouteRef)({});
  const campaignsLink = useReadinessPageLink(campaignsRouteRef)({});
  const { pathname } = useAppLocation();
  const campaignName = campaignsLink && campaignNameAt(campaignsLink, pathname);
  let tab: ReadinessTab = 'scorecards';
  if (exemptionsLink && isLinkTo(exemptionsLink, pathname)) {
    tab = 'exemptions';
  } else if (
    campaignsLink &&
    (campaignName || isLinkTo(campaignsLink, pathname))
  ) {
    tab = 'campaigns';
  } else if (params.tab === 'leaderboard') {
    tab = 'leaderboard';
  }

  const select = (key: ReadinessTab) => {
    if (key === tab) {
      return;
    }
    const tabParam = key === 'leaderboard' ? 'leaderboard' : undefined;
    if (key === 'exemptions' && exemptionsLink) {
      navigate(exemptionsLink);
    } else if (key === 'campaigns' && campaignsLink) {
      navigate(campaignsLink);
    } else if (SUB_PAGES.includes(tab)) {
      // The filters of a sub-page do not carry over.
      const link = pageLink({ tab: tabParam });
      if (link) {
        navigate(link);
      }
    } else {
      setParams({ tab: tabParam, check: undefined, group: undefined });
    }
  };

  // The page's main landmark, for screen readers and skip links.
  return (
    <main>
      <Container my="4">
        <Tabs
          selectedKey={tab}
          onSelectionChange={key => select(key as ReadinessTab)}
        >
          <TabList aria-label={t('page.tabsLabel')}>
            <Tab id="scorecards">{t('page.scorecardsTab')}</Tab>
            <Tab id="leaderboard">{t('page.leaderboardTab')}</Tab>
            {exemptionsLink && (
              <Tab id="exemptions">{t('page.exemptionsTab')}</Tab>
            )}
            {campaignsLink && (
              <Tab id="campaigns">{t('page.campaignsTab')}</Tab>
            )}
          </TabList>
          <TabPanel id="scorecards">
            {params.scorecard ? (
              <ScorecardPage scorecardId={params.scorecard} />
            ) : (
              <ScorecardListPage />
            )}
          </TabPanel>
          <TabPanel id="leaderboard">
            <LeaderboardPage />
          </TabPanel>
          <TabPanel id="exemptions">
            <ExemptionsPage />
          </TabPanel>
          <TabPanel id="campaigns">
            {campaignName ? (
              <CampaignPage name={campaignName} />
            ) : (
              <CampaignsPage />
            )}
          </TabPanel>
        </Tabs>
      </Container>
    </main>
  );
}
