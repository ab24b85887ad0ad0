import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Flex, Link } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';
import { useReadinessPageLink } from '../../hooks/useReadinessPageLink';
import { exemptionsRouteRef } from '../../routes';
import { readinessTranslationRef } from '../../translation';
import { AsyncContent } from '../AsyncContent';
import { ScorecardDetailsView } from './ScorecardDetailsView';

/**
 * One scorecard: who maintains it, how the entities spread over its levels,
 * every check with its pass rate, and the entities failing a check.
 */
export function ScorecardPage(props: { scorecardId: string }) {
  const { scorecardId } = props;
  const readinessApi = useApi(readinessApiRef);
  const { t } = useTranslationRef(readinessTranslationRef);
  const pageLink = useReadinessPageLink();
  const exemptionsLink = useReadinessPageLink(exemptionsRouteRef)({
    scorecard: scorecardId,
    status: 'active',
  });
  const scorecard = useAsync(
    () => readinessApi.getScorecard(scorecardId),
    [readinessApi, scorecardId],
  );

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
        {exemptionsLink && (
          <Link href={exemptionsLink}>{t('scorecardPage.exemptions')}</Link>
        )}
      </Flex>
      <AsyncContent
        state={scorecard}
        errorTitle={t('scorecardPage.errorTitle', { scorecard: scorecardId })}
      >
        {details => details && <ScorecardDetailsView details={details} />}
      </AsyncContent>
    </Flex>
  );
}
