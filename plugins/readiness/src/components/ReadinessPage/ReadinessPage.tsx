import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Container, Tab, TabList, TabPanel, Tabs } from '@backstage/ui';
import { useReadinessPageParams } from '../../hooks/useReadinessPageParams';
import { readinessTranslationRef } from '../../translation';
import { LeaderboardPage } from '../LeaderboardPage';
import { ScorecardListPage } from '../ScorecardListPage';
import { ScorecardPage } from '../ScorecardPage';

/**
 * The readiness pages: the scorecards (all of them, or one in detail) and
 * the leaderboards, as tabs. Which one shows is in the URL's query.
 */
export function ReadinessPage() {
  const { t } = useTranslationRef(readinessTranslationRef);
  const [params, setParams] = useReadinessPageParams();
  const tab = params.tab === 'leaderboard' ? 'leaderboard' : 'scorecards';

  // The page's main landmark, for screen readers and skip links.
  return (
    <main>
      <Container my="4">
        <Tabs
          selectedKey={tab}
          onSelectionChange={key =>
            setParams({
              tab: key === 'leaderboard' ? 'leaderboard' : undefined,
              check: undefined,
              group: undefined,
            })
          }
        >
          <TabList aria-label={t('page.tabsLabel')}>
            <Tab id="scorecards">{t('page.scorecardsTab')}</Tab>
            <Tab id="leaderboard">{t('page.leaderboardTab')}</Tab>
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
        </Tabs>
      </Container>
    </main>
  );
}
