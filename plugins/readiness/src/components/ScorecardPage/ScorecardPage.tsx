import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Flex, Link, Text } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import { useReadinessPageLink } from '../../hooks/useReadinessPageLink';
import { useReadinessPageParams } from '../../hooks/useReadinessPageParams';
import { readinessTranslationRef } from '../../translation';
import { CheckStandingsTable } from '../CheckStandingsTable';
import { DrillDownSection } from '../DrillDownSection';
import { EntityResultsTable } from '../EntityResultsTable';
import { LevelDistributionChart } from '../LevelDistributionChart';
import { ScorecardProblems } from '../ScorecardProblems';

/**
 * One scorecard: who maintains it, how the entities spread over its levels,
 * every check with its pass rate, and the entities failing a check.
 */
export function ScorecardPage(props: { scorecardId: string }) {
  const { scorecardId } = props;
  const readinessApi = useApi(readinessApiRef);
  const { t } = useTranslationRef(readinessTranslationRef);
  const pageLink = useReadinessPageLink();
  const [params, setParams] = useReadinessPageParams();
  const { value, loading, error } = useAsync(
    () => readinessApi.getScorecard(scorecardId),
    [readinessApi, scorecardId],
  );

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = (
      <ResponseErrorPanel
        error={error}
        title={t('scorecardPage.errorTitle', { scorecard: scorecardId })}
      />
    );
  } else if (value) {
    const { scorecard, checks, problems } = value;
    const failingCheck = checks.find(check => check.id === params.check);
    body = (
      <>
        <Flex direction="column" gap="2">
          <Text as="h2" variant="title-small">
            {scorecard.title}
          </Text>
          <Text as="p">{scorecard.description}</Text>
          <Text as="p" variant="body-small" color="secondary">
            {scorecard.owner &&
              t('scorecardPage.owner', {
                owner: <EntityRefLink entityRef={scorecard.owner} />,
              })}{' '}
            {t('scorecardPage.source', { source: scorecard.source })}
          </Text>
        </Flex>
        <ScorecardProblems problems={problems} />
        <Text as="p">
          {scorecard.entities === 0 || scorecard.averageScore === null
            ? t('scorecardPage.noEntities')
            : t('scorecardPage.standing', {
                count: scorecard.entities,
                average: String(Math.round(scorecard.averageScore)),
              })}
        </Text>
        {scorecard.entities > 0 && (
          <section aria-label={t('scorecardPage.levelsTitle')}>
            <Text as="h3" variant="title-x-small">
              {t('scorecardPage.levelsTitle')}
            </Text>
            <LevelDistributionChart
              levels={scorecard.levels}
              counts={scorecard.levelCounts}
            />
          </section>
        )}
        {failingCheck && (
          <DrillDownSection
            title={t('scorecardPage.failingTitle', {
              check: failingCheck.title,
            })}
            onClose={() => setParams({ check: undefined })}
          >
            <EntityResultsTable
              query={{
                scorecard: scorecard.id,
                check: failingCheck.id,
                status: 'fail',
              }}
              levels={scorecard.levels}
            />
          </DrillDownSection>
        )}
        <section aria-label={t('scorecardPage.checksTitle')}>
          <Text as="h3" variant="title-x-small">
            {t('scorecardPage.checksTitle')}
          </Text>
          <CheckStandingsTable
            details={value}
            onShowFailing={check => setParams({ check: check.id })}
          />
        </section>
      </>
    );
  }

  const allScorecardsLink = pageLink({});
  const leaderboardLink = pageLink({
    tab: 'leaderboard',
    scorecard: scorecardId,
  });
  return (
    <Flex direction="column" gap="4">
      <Flex gap="4">
        {allScorecardsLink && (
          <Link href={allScorecardsLink}>{t('scorecardPage.back')}</Link>
        )}
        {leaderboardLink && (
          <Link href={leaderboardLink}>{t('scorecardPage.leaderboard')}</Link>
        )}
      </Flex>
      {body}
    </Flex>
  );
}
