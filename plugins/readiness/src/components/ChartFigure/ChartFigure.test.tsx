import { render, screen } from '@testing-library/react';
import { ChartFigure } from './ChartFigure';

describe('ChartFigure', () => {
  it('gives the chart an image role named by its summary', () => {
    render(
      <ChartFigure summary="Score went from 40 to 75">
        <svg />
      </ChartFigure>,
    );

    expect(
      screen.getByRole('img', { name: 'Score went from 40 to 75' }),
    ).toBeInTheDocument();
  });
});
