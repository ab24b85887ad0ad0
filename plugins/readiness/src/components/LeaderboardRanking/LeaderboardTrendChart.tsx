import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { readinessTranslationRef } from '../../translation';
import { ChartFigure, chartColors, tooltipStyle } from '../ChartFigure';

/** One group of the trend chart. */
export interface TrendBar {
  name: string;
  /** Average score at the start of the period. */
  then: number | null;
  /** Average score now. */
  now: number | null;
}

const rounded = (score: number | null) =>
  score === null ? '–' : String(Math.round(score));

/** Each group's average score at the start of the period and now. */
export function LeaderboardTrendChart(props: {
  bars: TrendBar[];
  periodDays: number;
}) {
  const { bars, periodDays } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const thenName = t('leaderboard.averageThen', { count: periodDays });
  const nowName = t('leaderboard.averageNow');
  const summary = t('leaderboard.chartSummary', {
    count: periodDays,
    groups: bars
      .map(bar =>
        t('leaderboard.chartGroup', {
          group: bar.name,
          then: rounded(bar.then),
          now: rounded(bar.now),
        }),
      )
      .join('; '),
  });

  return (
    <ChartFigure summary={summary}>
      <BarChart
        data={bars}
        responsive
        style={{ width: '100%', height: 240 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" />
        <XAxis dataKey="name" stroke={chartColors.text} />
        <YAxis domain={[0, 100]} stroke={chartColors.text} width={40} />
        <Tooltip
          cursor={{ fill: chartColors.grid }}
          contentStyle={tooltipStyle}
        />
        <Legend />
        <Bar
          dataKey="then"
          name={thenName}
          fill={chartColors.second}
          isAnimationActive={false}
        />
        <Bar
          dataKey="now"
          name={nowName}
          fill={chartColors.first}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartFigure>
  );
}
