import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { ScorecardResult } from '@readiness/plugin-readiness-common';
import { Line, YAxis } from 'recharts';
import { readinessTranslationRef } from '../../translation';
import { chartColors } from '../ChartFigure';
import { stepLineProps, TimeLineChart } from '../TimeLineChart';
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
    <TimeLineChart
      summary={summary}
      data={points}
      formatTime={formatDate}
      tooltipFormatter={(value, _name, item) =>
        item.dataKey === 'level'
          ? levelNames[Number(value)]
          : Math.round(Number(value))
      }
    >
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
      <Line
        {...stepLineProps}
        yAxisId="score"
        dataKey="score"
        name={t('history.score')}
        stroke={chartColors.first}
      />
      <Line
        {...stepLineProps}
        yAxisId="level"
        dataKey="level"
        name={t('history.level')}
        stroke={chartColors.second}
        strokeDasharray="6 3"
      />
    </TimeLineChart>
  );
}
