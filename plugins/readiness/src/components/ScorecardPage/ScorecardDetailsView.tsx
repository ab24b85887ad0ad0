import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Flex, Text } from '@backstage/ui';
import type { ScorecardDetails } from '@readiness/plugin-readiness-common';
import { useReadinessPageParams } from '../../hooks/useReadinessPageParams';
import { readinessTranslationRef } from '../../translation';
import { CheckStandingsTable } from '../CheckStandingsTable';
import { DrillDownSection } from '../DrillDownSection';
import { EntityResultsTable } from '../EntityResultsTable';
import { LevelDistributionChart } from '../LevelDistributionChart';
import { ScorecardProblems } from '../ScorecardProblems';

/**
 * A loaded scorecard: who maintains it, how many entities it scores, their
 * average and the checks waived, how the entities spread over its levels,
 * every check with its pass rate, and the entities failing the check
 * the page's `check` parameter names.
 */
export function ScorecardDetailsView(props: { details: ScorecardDetails }) {
  const { details } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const [params, setParams] = useReadinessPageParams();
  const { scorecard, checks, problems } = details;
  const failingCheck = checks.find(check => check.id === params.check);
  return (
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
          : `${t('scorecardPage.standing', {
              count: scorecard.entities,
              average: String(Math.round(scorecard.averageScore)),
            })} ${t('scorecardPage.waivedChecks', {
              count: scorecard.waivedChecks,
            })}`}
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
          details={details}
          onShowFailing={check => setParams({ check: check.id })}
        />
      </section>
    </>
  );
}
