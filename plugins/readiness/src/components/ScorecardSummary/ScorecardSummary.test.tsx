import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { check, scorecardResult } from '../../__testUtils__/fixtures';
import { prioritizeChecks } from './prioritizeChecks';
import { ScorecardSummary } from './ScorecardSummary';

const result = scorecardResult({
  checks: [
    check('light', { level: 'gold', status: 'fail', weight: 1 }),
    check('heavy', { level: 'gold', status: 'fail', weight: 10 }),
    check('next', { level: 'silver', status: 'fail', weight: 1 }),
    check('unknown', { level: 'silver', status: 'unknown', weight: 5 }),
    check('tls', {
      level: 'silver',
      status: 'fail',
      weight: 3,
      advisory: { enforcedFrom: '2027-04-01', campaign: 'tls-everywhere' },
    }),
    check('slo', {
      level: 'gold',
      status: 'unknown',
      weight: 3,
      advisory: {},
    }),
    check('logs', {
      level: 'gold',
      status: 'pass',
      weight: 3,
      advisory: {},
    }),
  ],
  advisoryFailing: 2,
});

describe('prioritizeChecks', () => {
  it('puts the next level first, then the heaviest, leaving advisory checks out', () => {
    expect(prioritizeChecks(result, 'fail').map(c => c.id)).toEqual([
      'next',
      'heavy',
      'light',
    ]);
    expect(prioritizeChecks(result, 'unknown').map(c => c.id)).toEqual([
      'unknown',
    ]);
  });
});

describe('ScorecardSummary', () => {
  it('shows the score, the failing and the unknown checks', async () => {
    await renderInTestApp(<ScorecardSummary result={result} />);

    expect(
      screen.getByRole('heading', { level: 3, name: 'Production Readiness' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'Top failing checks' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'Could not be determined' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Evaluated/)).toBeInTheDocument();
  });

  it('lists the advisory warnings apart, the soonest enforced first', async () => {
    await renderInTestApp(<ScorecardSummary result={result} />);

    const warnings = screen.getByRole('list', { name: '2 advisory warnings' });
    expect(
      [...warnings.querySelectorAll('li')].map(item => item.textContent),
    ).toEqual([
      'Advisory — enforced from 2027-04-01Title of tlsRemediation of tls',
      'AdvisoryTitle of slo',
    ]);
    expect(
      screen.getByRole('list', { name: 'Top failing checks' }),
    ).not.toHaveTextContent('Title of tls');
  });
});
