import { screen, within } from '@testing-library/react';
import { cellInColumn } from '../../__testUtils__/cellInColumn';
import { levels } from '../../__testUtils__/fixtures';
import {
  mockReadinessApi,
  pending,
} from '../../__testUtils__/mockReadinessApi';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { LeaderboardRanking } from './LeaderboardRanking';

const query = {
  scorecard: 'production-readiness',
  groupBy: 'domain' as const,
  periodDays: 7,
};

describe('LeaderboardRanking', () => {
  it('shows placeholder rows and no chart while loading', async () => {
    await renderInReadinessTestApp(
      <LeaderboardRanking
        query={query}
        levels={levels}
        onShowEntities={jest.fn()}
      />,
      { readinessApi: mockReadinessApi({ getLeaderboard: pending }) },
    );

    expect(await screen.findByRole('grid')).toHaveAttribute(
      'data-ispending',
      'true',
    );
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('ranks the groups and charts their averages over the period', async () => {
    await renderInReadinessTestApp(
      <LeaderboardRanking
        query={query}
        levels={levels}
        onShowEntities={jest.fn()}
      />,
      {
        readinessApi: mockReadinessApi({
          getLeaderboard: async () => ({
            items: [
              {
                group: 'domain:default/payments',
                entities: 3,
                averageScore: 81,
                levelCounts: { gold: 3 },
                waivedChecks: 2,
                trend: {
                  since: '2026-11-18T12:00:00Z',
                  averageScore: 75,
                  change: 6,
                },
              },
            ],
            total: 1,
          }),
        }),
      },
    );

    const [header, row] = await screen.findAllByRole('row');
    expect(
      within(header).getByRole('columnheader', { name: /Domain/ }),
    ).toBeInTheDocument();
    expect(row).toHaveTextContent('payments');
    expect(cellInColumn(header, row, /Checks waived/)).toHaveTextContent(/^2$/);
    expect(
      screen.getByRole('img', {
        name: 'Average score 7 days ago and now, per group: payments from 75 to 81.',
      }),
    ).toBeInTheDocument();
  });
});
