import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { LevelDefinition } from '@readiness/plugin-readiness-common';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { readinessTranslationRef } from '../../translation';
import { levelCounts } from '../../utils/levels';
import { ChartFigure, chartColors, tooltipStyle } from '../ChartFigure';

/** How many entities are at each level of a scorecard, as bars. */
export function LevelDistributionChart(props: {
  levels: LevelDefinition[];
  counts: Record<string, number>;
}) {
  const { levels, counts } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const data = levelCounts(levels, counts, t('level.none'));
  const summary = t('level.chartSummary', {
    counts: data
      .map(level =>
        t('level.count', { level: level.title, count: level.count }),
      )
      .join(', '),
  });

  return (
    <ChartFigure summary={summary}>
      <BarChart
        data={data}
        responsive
        style={{ width: '100%', height: 200 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" />
        <XAxis dataKey="title" stroke={chartColors.text} />
        <YAxis allowDecimals={false} stroke={chartColors.text} width={40} />
        <Tooltip
          cursor={{ fill: chartColors.grid }}
          contentStyle={tooltipStyle}
        />
        <Bar
          dataKey="count"
          name={t('level.entities')}
          fill={chartColors.first}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartFigure>
  );
}
