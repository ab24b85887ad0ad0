import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  check,
  minutesAgo,
  scorecardResult,
} from '../../__testUtils__/fixtures';
import { ResultFreshness } from './ResultFreshness';

describe('ResultFreshness', () => {
  it('says when the result was evaluated', async () => {
    await renderInTestApp(
      <ResultFreshness
        result={scorecardResult({ evaluatedAt: minutesAgo(2) })}
      />,
    );

    expect(screen.getByText(/Evaluated/)).toHaveTextContent(
      /^Evaluated 2 minutes ago$/,
    );
  });

  it('adds the age of the oldest fact', async () => {
    const evidence = (minutes: number) => ({
      fact: 'github.branchProtection',
      value: true,
      source: 'github',
      observedAt: minutesAgo(minutes),
    });
    await renderInTestApp(
      <ResultFreshness
        result={scorecardResult({
          evaluatedAt: minutesAgo(1),
          checks: [
            check('a', {
              level: 'bronze',
              status: 'pass',
              weight: 1,
              evidence: [evidence(30), evidence(2 * 24 * 60)],
            }),
          ],
        })}
      />,
    );

    expect(screen.getByText(/Evaluated/)).toHaveTextContent(
      'Evaluated 1 minute ago · oldest fact observed 2 days ago',
    );
  });
});
