import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  Button,
  Cell,
  CellText,
  ColumnConfig,
  Flex,
  Table,
  Text,
} from '@backstage/ui';
import type {
  CheckStanding,
  ScorecardDetails,
} from '@readiness/plugin-readiness-common';
import { readinessTranslationRef } from '../../translation';
import { levelTitle } from '../../utils/levels';
import { ScoreMeter } from '../ScoreMeter';

/**
 * Every check of a scorecard with how the entities fare on it: pass rate,
 * failing and unknown counts, and a way to list the entities failing it.
 */
export function CheckStandingsTable(props: {
  details: ScorecardDetails;
  onShowFailing: (check: CheckStanding) => void;
}) {
  const { details, onShowFailing } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const { levels, categories } = details.scorecard;
  const categoryTitle = (id: string) =>
    categories.find(category => category.id === id)?.title ?? id;

  const columns: ColumnConfig<CheckStanding>[] = [
    {
      id: 'title',
      label: t('checks.check'),
      isRowHeader: true,
      cell: check => (
        <CellText
          title={check.title}
          description={t('checks.placement', {
            category: categoryTitle(check.category),
            level: levelTitle(levels, check.level),
          })}
        />
      ),
    },
    {
      id: 'weight',
      label: t('checks.weight'),
      cell: check => <CellText title={String(check.weight)} />,
    },
    {
      id: 'passRate',
      label: t('checks.passRate'),
      cell: check => {
        if (check.passRate === null) {
          return <CellText title={t('checks.notDecided')} />;
        }
        const percent = t('checks.percent', {
          percent: String(Math.round(check.passRate * 100)),
        });
        return (
          <Cell>
            <Flex direction="column" gap="1">
              <Text variant="body-small">{percent}</Text>
              <ScoreMeter
                score={check.passRate * 100}
                label={t('checks.passRateLabel', { check: check.title })}
                valueText={percent}
              />
            </Flex>
          </Cell>
        );
      },
    },
    {
      id: 'fail',
      label: t('checks.failing'),
      cell: check => <CellText title={String(check.counts.fail)} />,
    },
    {
      id: 'unknown',
      label: t('checks.unknown'),
      cell: check => <CellText title={String(check.counts.unknown)} />,
    },
    {
      id: 'actions',
      label: t('checks.actions'),
      cell: check => (
        <Cell>
          <Button
            size="small"
            variant="secondary"
            isDisabled={check.counts.fail === 0}
            aria-label={t('checks.showFailingLabel', { check: check.title })}
            onPress={() => onShowFailing(check)}
          >
            {t('checks.showFailing')}
          </Button>
        </Cell>
      ),
    },
  ];

  return (
    <Table
      columnConfig={columns}
      data={details.checks}
      pagination={{ type: 'none' }}
    />
  );
}
