export { ChartFigure } from './ChartFigure';
export { chartColors, tooltipStyle } from './chartColors';
