import {
  useAppLocation,
  useAppNavigate,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { Container, Tab, TabList, TabPanel, Tabs } from '@backstage/ui';
import { useReadinessPageLink } from '../../hooks/useReadinessPageLink';
import { useReadinessPageParams } from '../../hooks/useReadinessPageParams';
import { exemptionsRouteRef } from '../../routes';
import { readinessTranslationRef } from '../../translation';
import { ExemptionsPage } from '../ExemptionsPage';
import { LeaderboardPage } from '../LeaderboardPage';
import { ScorecardListPage } from '../ScorecardListPage';
import { ScorecardPage } from '../ScorecardPage';

type ReadinessTab = 'scorecards' | 'leaderboard' | 'exemptions';

/**
 * The readiness pages: the scorecards (all of them, or one in detail), the
 * leaderboards, and the exemptions, as tabs. The exemptions are a sub-page
 * of their own (`/exemptions`); the other two are told apart by the URL's
 * query, which also holds what each shows.
 */
export function ReadinessPage() {
  const { t } = useTranslationRef(readinessTranslationRef);
  const [params, setParams] = useReadinessPageParams();
  const navigate = useAppNavigate();
  const pageLink = useReadinessPageLink();
  const exemptionsLink = useReadinessPageLink(exemptionsRouteRef)({});
  const { pathname } = useAppLocation();
  let tab: ReadinessTab = 'scorecards';
  if (exemptionsLink && isLinkTo(exemptionsLink, pathname)) {
    tab = 'exemptions';
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
    } else if (tab === 'exemptions') {
      // The filters of the exemptions do not carry over.
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
        </Tabs>
      </Container>
    </main>
  );
}

/**
 * Whether a route link points at the location's path. Links of the legacy
 * frontend system start with the app's base path, which the location's
 * path leaves out, so the link may be longer.
 */
function isLinkTo(link: string, pathname: string): boolean {
  const path = pathname.replace(/\/+$/, '');
  return path !== '' && (link === path || link.endsWith(path));
}
