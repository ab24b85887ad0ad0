import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Text } from '@backstage/ui';
import type { LeaderboardTrend } from '@readiness/plugin-readiness-common';
import { readinessTranslationRef } from '../../translation';

/** How a group's average moved over the period: "▲ +3 since 26/10/2026". */
export function TrendValue(props: { trend: LeaderboardTrend }) {
  const { trend } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const since = new Date(trend.since).toLocaleDateString();
  if (trend.change === null) {
    return (
      <Text variant="body-small" color="secondary">
        {t('trend.none', { since })}
      </Text>
    );
  }
  const change = Math.round(trend.change);
  let arrow = '▶';
  if (change > 0) {
    arrow = '▲';
  } else if (change < 0) {
    arrow = '▼';
  }
  // The arrow and the sign say the direction; status colours are too light
  // for text (WCAG AA).
  return (
    <Text variant="body-small">
      <span aria-hidden="true">{arrow} </span>
      {t('trend.change', {
        change: change > 0 ? `+${change}` : String(change),
        since,
      })}
    </Text>
  );
}
