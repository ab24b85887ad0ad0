import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Flex, Select, Switch, Text } from '@backstage/ui';
import type { ScorecardOverview } from '@readiness/plugin-readiness-common';
import { ReadinessPageParams } from '../../hooks/readinessPageParams';
import { readinessTranslationRef } from '../../translation';
import {
  GROUPINGS,
  LeaderboardSelection,
  PERIODS,
} from './leaderboardSelection';
import { FacetName, useEntityFacets } from './useEntityFacets';

/** The option that removes a filter. */
const ANY = '*';

const FACETS: FacetName[] = ['kind', 'type', 'lifecycle', 'tag'];

/**
 * The leaderboard's controls: scorecard, grouping (with sub-groups rolled
 * up, by owner), trend period, and the kind, type, lifecycle and tag of the
 * entities counted (from the catalog).
 */
export function LeaderboardFilters(props: {
  scorecards: ScorecardOverview[];
  selection: LeaderboardSelection;
  onChange: (changes: ReadinessPageParams) => void;
}) {
  const { scorecards, selection, onChange } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const facets = useEntityFacets();

  const facetOptions = (name: FacetName) => {
    const values = new Set(facets.value?.[name]);
    const selected = selection[name];
    if (selected) {
      values.add(selected);
    }
    return [
      { id: ANY, label: t('filters.any') },
      ...[...values].map(value => ({ id: value, label: value })),
    ];
  };

  return (
    <Flex direction="column" gap="2">
      <Flex gap="3" align="end" style={{ flexWrap: 'wrap' }}>
        <Select
          label={t('filters.scorecard')}
          options={scorecards.map(scorecard => ({
            id: scorecard.id,
            label: scorecard.title,
          }))}
          value={selection.scorecard}
          onChange={key =>
            onChange({ scorecard: String(key), group: undefined })
          }
        />
        <Select
          label={t('filters.groupBy')}
          options={GROUPINGS.map(grouping => ({
            id: grouping,
            label: t(`grouping.${grouping}`),
          }))}
          value={selection.groupBy}
          onChange={key => onChange({ groupBy: String(key), group: undefined })}
        />
        <Select
          label={t('filters.period')}
          options={PERIODS.map(days => ({
            id: days,
            label: t('filters.periodDays', { count: Number(days) }),
          }))}
          value={selection.period}
          onChange={key => onChange({ period: String(key) })}
        />
        {FACETS.map(name => (
          <Select
            key={name}
            label={t(`filters.${name}`)}
            options={facetOptions(name)}
            value={selection[name] ?? ANY}
            onChange={key =>
              onChange({ [name]: key === ANY ? undefined : String(key) })
            }
          />
        ))}
        {selection.groupBy === 'owner' && (
          <Switch
            label={t('filters.rollup')}
            isSelected={selection.rollup}
            onChange={on =>
              onChange({ rollup: on ? 'true' : undefined, group: undefined })
            }
          />
        )}
      </Flex>
      {selection.groupBy === 'owner' && selection.rollup && (
        <Text variant="body-small" color="secondary">
          {t('leaderboard.rollupHint')}
        </Text>
      )}
      {facets.error && (
        <Text variant="body-small">{t('filters.facetsError')}</Text>
      )}
    </Flex>
  );
}
