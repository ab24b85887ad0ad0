export { stepLineProps, TimeLineChart } from './TimeLineChart';
export type { TimeLineChartProps } from './TimeLineChart';
