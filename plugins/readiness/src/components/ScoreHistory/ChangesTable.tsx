import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Cell, CellText, ColumnConfig, Table, Text } from '@backstage/ui';
import type {
  CheckStatus,
  ReadinessChange,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';
import { readinessTranslationRef } from '../../translation';
import { levelTitle } from '../../utils/levels';
import { RelativeTime } from '../RelativeTime';

type ChangeRow = ReadinessChange & { id: number };

/** The changes of a scorecard's result, newest first, with their causes. */
export function ChangesTable(props: {
  result: ScorecardResult;
  changes: ReadinessChange[];
}) {
  const { result, changes } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const levelText = (level: string | null) =>
    level === null
      ? t('level.none')
      : levelTitle(result.scorecard.levels, level);
  const checkTitle = (id: string) =>
    result.checks.find(check => check.id === id)?.title ?? id;
  const statusText = (status: CheckStatus | null) =>
    status === null ? t('history.checkAbsent') : t(`status.${status}`);
  const fromTo = (before: string | null, after: string, first: boolean) =>
    first ? after : t('history.fromTo', { before: before ?? '', after });

  const columns: ColumnConfig<ChangeRow>[] = [
    {
      id: 'changedAt',
      label: t('history.when'),
      isRowHeader: true,
      cell: change => (
        <Cell>
          <Text variant="body-small">
            <RelativeTime time={change.changedAt} />
          </Text>
        </Cell>
      ),
    },
    {
      id: 'score',
      label: t('history.score'),
      cell: change => (
        <CellText
          title={fromTo(
            change.scoreBefore === null
              ? null
              : String(Math.round(change.scoreBefore)),
            String(Math.round(change.scoreAfter)),
            change.scoreBefore === null,
          )}
        />
      ),
    },
    {
      id: 'level',
      label: t('history.level'),
      cell: change => (
        <CellText
          title={fromTo(
            levelText(change.levelBefore),
            levelText(change.levelAfter),
            change.cause === 'first-evaluation',
          )}
        />
      ),
    },
    {
      id: 'cause',
      label: t('history.cause'),
      // An exemption or attestation says which, and what happened to it; a
      // campaign, which one enforced which checks.
      cell: change => (
        <CellText
          title={t(`cause.${change.cause}`)}
          description={change.note}
        />
      ),
    },
    {
      id: 'checks',
      label: t('history.checks'),
      // A first evaluation "changes" every check: a count says enough.
      cell: change =>
        change.cause === 'first-evaluation' ? (
          <CellText
            title={t('history.firstEvaluationChecks', {
              count: change.checks.length,
            })}
          />
        ) : (
          <Cell>
            <ul style={{ margin: 0, paddingLeft: '1em' }}>
              {change.checks.map(item => (
                <li key={item.check}>
                  <Text variant="body-small">
                    {t('history.checkChange', {
                      check: checkTitle(item.check),
                      change: fromTo(
                        statusText(item.before),
                        statusText(item.after),
                        item.before === null,
                      ),
                    })}
                  </Text>
                </li>
              ))}
            </ul>
          </Cell>
        ),
    },
  ];

  return (
    <Table
      columnConfig={columns}
      data={changes.map((change, index) => ({ ...change, id: index }))}
      pagination={{ type: 'none' }}
    />
  );
}
