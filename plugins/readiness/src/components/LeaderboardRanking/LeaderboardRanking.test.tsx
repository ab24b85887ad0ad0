import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
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

  it('saves the whole ranking as CSV, page by page, one column per level', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:leaderboard';
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    const row = (group: string | null, averageScore: number) => ({
      group,
      entities: 2,
      averageScore,
      levelCounts: { none: 1, gold: 1 },
      waivedChecks: 0,
      trend: {
        since: '2026-11-18T12:00:00Z',
        averageScore: null,
        change: null,
      },
    });
    const api = mockReadinessApi({
      getLeaderboard: async ({ offset = 0 }) => ({
        items: offset === 0 ? [row('group:default/web', 80)] : [row(null, 40)],
        total: 2,
      }),
    });
    const ownerQuery = { ...query, groupBy: 'owner' as const, rollup: true };
    await renderInReadinessTestApp(
      <LeaderboardRanking
        query={ownerQuery}
        levels={levels}
        onShowEntities={jest.fn()}
      />,
      { readinessApi: api },
    );

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Download leaderboard as CSV',
      }),
    );

    await waitFor(() => expect(blobs).toHaveLength(1));
    expect(api.getLeaderboard).toHaveBeenCalledWith({
      ...ownerQuery,
      orderBy: 'averageScore',
      order: 'desc',
      limit: 500,
      offset: 1,
    });
    const text = new TextDecoder().decode(await blobs[0].arrayBuffer());
    expect(text).toBe(
      [
        'Owner,Entities,Average score,Checks waived,No level,Bronze,Silver,Gold,Average at start of period,Change',
        'group:default/web,2,80,0,1,0,0,1,,',
        'No owner,2,40,0,1,0,0,1,,',
        '',
      ].join('\r\n'),
    );
    click.mockRestore();
  });
});
