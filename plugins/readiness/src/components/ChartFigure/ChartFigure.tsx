import { ReactNode } from 'react';

/**
 * A chart as one image with a text alternative. The chart itself is drawn
 * without its own keyboard layer: the data it shows is also in a table next
 * to it, which is what keyboard and screen reader users navigate.
 */
export function ChartFigure(props: { summary: string; children: ReactNode }) {
  const { summary, children } = props;
  return (
    <div role="img" aria-label={summary} style={{ width: '100%' }}>
      {children}
    </div>
  );
}
