import { ComponentProps, ReactNode } from 'react';
import { CartesianGrid, Legend, LineChart, Tooltip, XAxis } from 'recharts';
import { ChartFigure, chartColors, tooltipStyle } from '../ChartFigure';

/**
 * What the lines of these charts share: values hold until the next point
 * (a step), and no animation, which would only delay the picture.
 */
export const stepLineProps = {
  type: 'stepAfter',
  strokeWidth: 2,
  isAnimationActive: false,
} as const;

/** Props of {@link TimeLineChart}. */
export interface TimeLineChartProps<T extends { time: number }> {
  /** The chart's text alternative. */
  summary: string;
  /** The points, `time` in milliseconds since the epoch. */
  data: T[];
  /** How a time reads on the axis and in the tooltip. */
  formatTime: (time: number) => string;
  /** The x-axis' range; that of the data by default. */
  domain?: [number, number];
  /** Where the x-axis' labels stand; recharts' choice by default. */
  ticks?: number[];
  /** How a value reads in the tooltip; as it is by default. */
  tooltipFormatter?: ComponentProps<typeof Tooltip>['formatter'];
  /** Room above the plot, e.g. for a reference line's label. */
  marginTop?: number;
  /** The y-axes, lines and reference lines. */
  children: ReactNode;
}

/**
 * Lines over time as one image with a text alternative, in the theme's
 * colours, with a grid, a time axis, a tooltip and a legend: what the
 * plugin's line charts share; each adds its own axes and lines.
 */
export function TimeLineChart<T extends { time: number }>(
  props: TimeLineChartProps<T>,
) {
  const {
    summary,
    data,
    formatTime,
    domain,
    ticks,
    tooltipFormatter,
    marginTop = 8,
    children,
  } = props;
  return (
    <ChartFigure summary={summary}>
      <LineChart
        data={data}
        responsive
        style={{ width: '100%', height: 240 }}
        accessibilityLayer={false}
        margin={{ top: marginTop, right: 16, bottom: 8, left: 0 }}
      >
        <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" />
        <XAxis
          dataKey="time"
          type="number"
          scale="time"
          domain={domain ?? ['dataMin', 'dataMax']}
          ticks={ticks}
          // Given labels that would overlap drop from the middle, so that
          // both ends stay labelled.
          interval={ticks ? 'preserveStartEnd' : undefined}
          tickFormatter={formatTime}
          stroke={chartColors.text}
        />
        <Tooltip
          labelFormatter={label => formatTime(Number(label))}
          {...(tooltipFormatter && { formatter: tooltipFormatter })}
          contentStyle={tooltipStyle}
        />
        <Legend />
        {children}
      </LineChart>
    </ChartFigure>
  );
}
