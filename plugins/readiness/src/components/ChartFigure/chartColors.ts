/**
 * Colours of the charts, from Backstage UI's theme variables, so that charts
 * follow the light and dark themes.
 */
export const chartColors = {
  first: 'var(--bui-accent-bg)',
  second: 'var(--bui-fg-positive)',
  grid: 'var(--bui-border-1)',
  text: 'var(--bui-fg-secondary)',
};

/** The chart tooltips' box, in the theme's colours. */
export const tooltipStyle = {
  background: 'var(--bui-bg-neutral-1)',
  color: 'var(--bui-fg-primary)',
  border: '1px solid var(--bui-border-1)',
};
