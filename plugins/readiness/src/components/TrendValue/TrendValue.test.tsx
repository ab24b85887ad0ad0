import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { TrendValue } from './TrendValue';

const since = '2026-10-26T12:00:00Z';
const day = new Date(since).toLocaleDateString();

describe('TrendValue', () => {
  it.each([
    [7.6, `+8 since ${day}`],
    [-3.2, `-3 since ${day}`],
    [0.2, `0 since ${day}`],
  ])('says how much the average moved: %s', async (change, text) => {
    await renderInTestApp(
      <TrendValue trend={{ since, averageScore: 50, change }} />,
    );

    expect(screen.getByText(text)).toBeInTheDocument();
  });

  it('says when there was no score at the start of the period', async () => {
    await renderInTestApp(
      <TrendValue trend={{ since, averageScore: null, change: null }} />,
    );

    expect(screen.getByText(`No score on ${day}`)).toBeInTheDocument();
  });
});
