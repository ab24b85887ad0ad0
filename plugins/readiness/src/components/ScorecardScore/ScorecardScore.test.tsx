import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { scorecardResult } from '../../__testUtils__/fixtures';
import { rootRouteRef } from '../../routes';
import { ScorecardScore } from './ScorecardScore';

describe('ScorecardScore', () => {
  it('shows the score as a number and a meter, and the level', async () => {
    await renderInTestApp(
      <ScorecardScore
        result={scorecardResult({ score: 72.4, level: 'silver' })}
        headingLevel="h2"
      />,
      { mountedRoutes: { '/readiness': rootRouteRef } },
    );

    expect(
      screen.getByRole('heading', { level: 2, name: 'Production Readiness' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Production Readiness' }),
    ).toHaveAttribute('href', '/readiness?scorecard=production-readiness');
    expect(
      screen.getByRole('meter', { name: 'Production Readiness score' }),
    ).toHaveAttribute('aria-valuetext', '72 / 100');
    expect(screen.getByText('Level: Silver')).toBeInTheDocument();
  });

  it('says when no level is reached, without a link if there is no page', async () => {
    await renderInTestApp(
      <ScorecardScore
        result={scorecardResult({ level: null })}
        headingLevel="h3"
      />,
    );

    expect(
      screen.getByRole('heading', { level: 3, name: 'Production Readiness' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByText('No level yet')).toBeInTheDocument();
  });
});
