import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { ScorecardResult } from '@readiness/plugin-readiness-common';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { readinessTranslationRef } from '../../translation';
import { ChartFigure, chartColors, tooltipStyle } from '../ChartFigure';
import { HistoryPoint } from './historyPoints';

const formatDate = (time: number) => new Date(time).toLocaleDateString();

/** Score (left axis) and level (right axis) over time, as steps. */
export function ScoreHistoryChart(props: {
  result: ScorecardResult;
  points: HistoryPoint[];
}) {
  const { result, points } = props;
  const { t } = useTranslationRef(readinessTranslationRef);
  const levelNames = [
    t('level.none'),
    ...result.scorecard.levels.map(level => level.title),
  ];
  const first = points[0];
  const last = points[points.length - 1];
  const summary = t('history.chartSummary', {
    scorecard: result.scorecard.title,
    from: formatDate(first.time),
    to: formatDate(last.time),
    firstScore: String(Math.round(first.score)),
    lastScore: String(Math.round(last.score)),
    firstLevel: levelNames[first.level],
    lastLevel: levelNames[last.level],
  });

  return (
    <ChartFigure summary={summary}>
      <LineChart
        data={points}
        responsive
        style={{ width: '100%', height: 240 }}
        accessibilityLayer={false}
        margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
      >
        <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" />
        <XAxis
          dataKey="time"
          type="number"
          scale="time"
          domain={['dataMin', 'dataMax']}
          tickFormatter={formatDate}
          stroke={chartColors.text}
        />
        <YAxis
          yAxisId="score"
          domain={[0, 100]}
          stroke={chartColors.text}
          width={40}
        />
        <YAxis
          yAxisId="level"
          orientation="right"
          domain={[0, levelNames.length - 1]}
          ticks={levelNames.map((_, index) => index)}
          tickFormatter={(rank: number) => levelNames[rank] ?? ''}
          allowDecimals={false}
          stroke={chartColors.text}
          width={72}
        />
        <Tooltip
          labelFormatter={label => formatDate(Number(label))}
          formatter={(value, _name, item) =>
            item.dataKey === 'level'
              ? levelNames[Number(value)]
              : Math.round(Number(value))
          }
          contentStyle={tooltipStyle}
        />
        <Legend />
        <Line
          yAxisId="score"
          dataKey="score"
          name={t('history.score')}
          type="stepAfter"
          stroke={chartColors.first}
          strokeWidth={2}
          isAnimationActive={false}
        />
        <Line
          yAxisId="level"
          dataKey="level"
          name={t('history.level')}
          type="stepAfter"
          stroke={chartColors.second}
          strokeDasharray="6 3"
          strokeWidth={2}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFigure>
  );
}
