import type { ReadinessChange } from '@readiness/plugin-readiness-common';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { check, scorecardResult } from '../../__testUtils__/fixtures';
import { historyPoints } from './historyPoints';
import { ScoreHistory } from './ScoreHistory';

const result = scorecardResult({
  score: 90,
  level: 'gold',
  evaluatedAt: '2026-11-25T12:00:00Z',
  checks: [check('slo', { level: 'gold', status: 'pass', weight: 1 })],
});

const change = (fields: Partial<ReadinessChange>): ReadinessChange => ({
  scorecard: 'production-readiness',
  changedAt: '2026-11-10T12:00:00Z',
  cause: 'scorecard',
  levelBefore: 'silver',
  levelAfter: 'gold',
  scoreBefore: 70,
  scoreAfter: 90,
  checks: [
    { check: 'slo', before: 'fail', after: 'pass' },
    { check: 'removed', before: 'pass', after: null },
  ],
  ...fields,
});

describe('historyPoints', () => {
  it('puts the changes oldest first and ends at the current result', () => {
    expect(
      historyPoints(result, [
        change({}),
        change({
          changedAt: '2026-11-01T12:00:00Z',
          levelAfter: null,
          scoreAfter: 40,
        }),
      ]),
    ).toEqual([
      { time: Date.parse('2026-11-01T12:00:00Z'), score: 40, level: 0 },
      { time: Date.parse('2026-11-10T12:00:00Z'), score: 90, level: 3 },
      { time: Date.parse('2026-11-25T12:00:00Z'), score: 90, level: 3 },
    ]);
  });
});

describe('ScoreHistory', () => {
  it('shows progress while loading', async () => {
    await renderInTestApp(
      <ScoreHistory result={result} history={{ loading: true }} />,
    );

    expect(
      await screen.findByRole('progressbar', { name: 'Loading' }),
    ).toBeInTheDocument();
  });

  it('shows what failed', async () => {
    await renderInTestApp(
      <ScoreHistory
        result={result}
        history={{ loading: false, error: new Error('Boom') }}
      />,
    );

    expect(screen.getByText(/Could not load the history/)).toBeInTheDocument();
  });

  it('says so when the scorecard has no change yet', async () => {
    await renderInTestApp(
      <ScoreHistory
        result={result}
        history={{
          loading: false,
          changes: [change({ scorecard: 'api-quality' })],
        }}
      />,
    );

    expect(
      screen.getByText('No change has been recorded yet.'),
    ).toBeInTheDocument();
  });

  it('shows the chart with its summary and the changes of the scorecard', async () => {
    await renderInTestApp(
      <ScoreHistory
        result={result}
        history={{ loading: false, changes: [change({})] }}
      />,
    );

    const region = screen.getByRole('region', {
      name: 'History of Production Readiness',
    });
    expect(within(region).getByRole('img')).toHaveAccessibleName(
      `Production Readiness score and level over time: from 90 (Gold) on ${new Date(
        '2026-11-10T12:00:00Z',
      ).toLocaleDateString()} to 90 (Gold) on ${new Date(
        '2026-11-25T12:00:00Z',
      ).toLocaleDateString()}.`,
    );
    const [, row] = within(region).getAllByRole('row');
    expect(row).toHaveTextContent('70 → 90');
    expect(row).toHaveTextContent('Silver → Gold');
    expect(row).toHaveTextContent('The scorecard changed');
    expect(row).toHaveTextContent('Title of slo: Failing → Passing');
    expect(row).toHaveTextContent('removed: Passing → Absent');
  });

  it('names the exemption or attestation that changed the result', async () => {
    await renderInTestApp(
      <ScoreHistory
        result={result}
        history={{
          loading: false,
          changes: [
            change({
              cause: 'exemption',
              note: 'Exemption ex-1 from slo approved by user:default/ops',
            }),
            change({ cause: 'attestation', changedAt: '2026-11-05T12:00:00Z' }),
          ],
        }}
      />,
    );

    const [, exemptionRow, attestationRow] = screen.getAllByRole('row');
    expect(exemptionRow).toHaveTextContent('An exemption changed');
    expect(exemptionRow).toHaveTextContent(
      'Exemption ex-1 from slo approved by user:default/ops',
    );
    expect(attestationRow).toHaveTextContent('An attestation changed');
  });

  it('counts the checks of a first evaluation instead of listing them', async () => {
    await renderInTestApp(
      <ScoreHistory
        result={result}
        history={{
          loading: false,
          changes: [
            change({
              cause: 'first-evaluation',
              levelBefore: null,
              scoreBefore: null,
              checks: [
                { check: 'slo', before: null, after: 'pass' },
                { check: 'runbook', before: null, after: 'fail' },
              ],
            }),
          ],
        }}
      />,
    );

    const [, row] = screen.getAllByRole('row');
    expect(row).toHaveTextContent('2 checks evaluated');
    expect(row).not.toHaveTextContent('Title of slo');
  });
});
