import { Entity } from '@backstage/catalog-model';
import type { LeaderboardRow } from '@readiness/plugin-readiness-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  minutesAgo,
  responseError,
  scorecardOverview,
} from '../../__testUtils__/fixtures';
import {
  mockReadinessApi,
  pending,
} from '../../__testUtils__/mockReadinessApi';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { ReadinessApi } from '../../api';
import { LeaderboardPage } from './LeaderboardPage';

const scorecards = {
  items: [
    scorecardOverview(),
    scorecardOverview({ id: 'api-quality', title: 'API Quality' }),
  ],
  problems: [],
};

const row = (group: string | null, fields: Partial<LeaderboardRow> = {}) => ({
  group,
  entities: 4,
  averageScore: 70,
  levelCounts: { none: 1, bronze: 1, silver: 1, gold: 1 },
  waivedChecks: 0,
  trend: { since: '2026-10-26T12:00:00Z', averageScore: 62, change: 8 },
  ...fields,
});

const leaderboard = {
  items: [
    row('group:default/team-a'),
    row('group:default/team-b', {
      averageScore: 40,
      trend: { since: '2026-10-26T12:00:00Z', averageScore: 45, change: -5 },
    }),
    row(null, {
      averageScore: 20,
      trend: {
        since: '2026-10-26T12:00:00Z',
        averageScore: null,
        change: null,
      },
    }),
  ],
  total: 3,
};

const catalogEntities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', tags: ['java'] },
    spec: { type: 'service', lifecycle: 'production' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: 'checkout-api' },
    spec: { type: 'openapi', lifecycle: 'experimental' },
  },
];

async function renderLeaderboard(
  methods: Partial<ReadinessApi>,
  route = '/readiness?tab=leaderboard',
) {
  const api = mockReadinessApi({
    getScorecards: async () => scorecards,
    getLeaderboard: async () => leaderboard,
    ...methods,
  });
  await renderInReadinessTestApp(<LeaderboardPage />, {
    readinessApi: api,
    catalogEntities,
    route,
  });
  return api;
}

/** The table reloads a moment after its query changes (debounced). */
const reloadTimeout = 3000;

/** Picks an option of a labelled select. */
async function choose(label: string, option: string) {
  await userEvent.click(
    screen.getByRole('button', { name: new RegExp(label) }),
  );
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

describe('LeaderboardPage', () => {
  it('shows progress while loading the scorecards', async () => {
    await renderLeaderboard({ getScorecards: pending });

    expect(
      await screen.findByRole('progressbar', { name: 'Loading' }),
    ).toBeInTheDocument();
  });

  it('shows what failed when the scorecards cannot be loaded', async () => {
    const error = await responseError(500, 'Database is down');
    await renderLeaderboard({ getScorecards: () => Promise.reject(error) });

    expect(
      await screen.findByText(/Could not load the scorecards/),
    ).toBeInTheDocument();
  });

  it('says so when no scorecard is in force', async () => {
    await renderLeaderboard({
      getScorecards: async () => ({ items: [], problems: [] }),
    });

    expect(
      await screen.findByText('No scorecard is in force.'),
    ).toBeInTheDocument();
  });

  it('ranks the owners on the first scorecard, best average first, with their trend', async () => {
    const api = await renderLeaderboard({});

    const rows = await screen.findAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(
      within(rows[1]).getByRole('link', { name: /team-a/ }),
    ).toHaveAttribute('href', '/catalog/default/group/team-a');
    expect(rows[1]).toHaveTextContent('70');
    expect(rows[1]).toHaveTextContent(
      'No level: 1 · Bronze: 1 · Silver: 1 · Gold: 1',
    );
    expect(rows[1]).toHaveTextContent(
      `+8 since ${new Date('2026-10-26T12:00:00Z').toLocaleDateString()}`,
    );
    expect(rows[2]).toHaveTextContent('-5 since');
    expect(rows[3]).toHaveTextContent('No owner');
    expect(rows[3]).toHaveTextContent('No score on');
    expect(
      within(rows[3]).getByRole('button', {
        name: 'Entities without an owner',
      }),
    ).toBeInTheDocument();

    expect(
      screen.getByRole('img', {
        name: 'Average score 30 days ago and now, per group: team-a from 62 to 70; team-b from 45 to 40; No owner from – to 20.',
      }),
    ).toBeInTheDocument();
    expect(api.getLeaderboard).toHaveBeenCalledWith({
      scorecard: 'production-readiness',
      groupBy: 'owner',
      periodDays: 30,
      orderBy: 'averageScore',
      order: 'desc',
      limit: 20,
      offset: 0,
    });
  });

  it('takes the scorecard, grouping, period and filters from the URL', async () => {
    const api = await renderLeaderboard(
      {},
      '/readiness?tab=leaderboard&scorecard=api-quality&groupBy=system&period=90&kind=API&lifecycle=production',
    );

    const rows = await screen.findAllByRole('row');
    expect(api.getLeaderboard).toHaveBeenCalledWith(
      expect.objectContaining({
        scorecard: 'api-quality',
        groupBy: 'system',
        periodDays: 90,
        kind: 'API',
        lifecycle: 'production',
      }),
    );
    expect(rows[3]).toHaveTextContent('No system');
  });

  it('sorts on the column asked for', async () => {
    const api = await renderLeaderboard({});

    await userEvent.click(
      await screen.findByRole('columnheader', { name: /Trend/ }),
    );

    await waitFor(
      () =>
        expect(api.getLeaderboard).toHaveBeenLastCalledWith(
          expect.objectContaining({ orderBy: 'trend', order: 'asc' }),
        ),
      { timeout: reloadTimeout },
    );
  });

  it('filters on the values the catalog knows', async () => {
    const api = await renderLeaderboard({});
    await screen.findAllByRole('row');

    await choose('Tag', 'java');

    await waitFor(
      () =>
        expect(api.getLeaderboard).toHaveBeenLastCalledWith(
          expect.objectContaining({ tag: 'java' }),
        ),
      { timeout: reloadTimeout },
    );
  });

  it('removes a filter with "Any"', async () => {
    const api = await renderLeaderboard(
      {},
      '/readiness?tab=leaderboard&kind=API',
    );
    await screen.findAllByRole('row');

    await choose('Kind', 'Any');

    await waitFor(
      () =>
        expect(api.getLeaderboard).toHaveBeenLastCalledWith(
          expect.not.objectContaining({ kind: expect.anything() }),
        ),
      { timeout: reloadTimeout },
    );
  });

  it('changes the grouping', async () => {
    const api = await renderLeaderboard({});
    await screen.findAllByRole('row');

    await choose('Group by', 'Domain');

    await waitFor(
      () =>
        expect(api.getLeaderboard).toHaveBeenLastCalledWith(
          expect.objectContaining({ groupBy: 'domain' }),
        ),
      { timeout: reloadTimeout },
    );
  });

  it('lists the entities of a group, with the same filters', async () => {
    const api = await renderLeaderboard(
      {
        listResults: async () => ({
          items: [
            {
              entityRef: 'component:default/checkout',
              score: 55,
              level: 'bronze',
              evaluatedAt: minutesAgo(2),
            },
          ],
          nextCursor: null,
        }),
      },
      '/readiness?tab=leaderboard&tag=java',
    );

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Entities of team-a',
      }),
    );

    const entities = await screen.findByRole('region', {
      name: 'Entities of team-a',
    });
    expect(
      await within(entities).findByRole('link', { name: /checkout/ }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout');
    expect(within(entities).getAllByRole('row')[1]).toHaveTextContent('Bronze');
    expect(api.listResults).toHaveBeenCalledWith({
      scorecard: 'production-readiness',
      owner: 'group:default/team-a',
      tag: 'java',
      limit: 20,
    });
  });

  it('lists the entities of a group the URL names with no ref', async () => {
    const api = await renderLeaderboard(
      { listResults: async () => ({ items: [], nextCursor: null }) },
      '/readiness?tab=leaderboard&group=team-a',
    );

    expect(
      await screen.findByRole('region', { name: 'Entities of team-a' }),
    ).toBeInTheDocument();
    expect(api.listResults).toHaveBeenCalledWith(
      expect.objectContaining({ owner: 'team-a' }),
    );
  });

  it('lists the entities that declare no owner', async () => {
    const api = await renderLeaderboard({
      listResults: async () => ({
        items: [
          {
            entityRef: 'component:default/orphan',
            score: 20,
            level: null,
            evaluatedAt: minutesAgo(2),
          },
        ],
        nextCursor: null,
      }),
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Entities without an owner' }),
    );

    const entities = await screen.findByRole('region', {
      name: 'Entities without an owner',
    });
    expect(
      await within(entities).findByRole('link', { name: /orphan/ }),
    ).toBeInTheDocument();
    expect(api.listResults).toHaveBeenCalledWith({
      scorecard: 'production-readiness',
      owner: 'none',
      limit: 20,
    });
  });

  it('says so when no group has scored entities', async () => {
    await renderLeaderboard({
      getLeaderboard: async () => ({ items: [], total: 0 }),
    });

    expect(
      await screen.findByText('No entity has been scored with these filters.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('shows what failed when the leaderboard cannot be loaded', async () => {
    const error = await responseError(400, 'Invalid groupBy');
    await renderLeaderboard({ getLeaderboard: () => Promise.reject(error) });

    expect(
      await screen.findByText(/Could not load the leaderboard/),
    ).toBeInTheDocument();
  });

  it('includes the sub-groups when the URL says so, noting it in the drill-down', async () => {
    const api = await renderLeaderboard(
      {
        listResults: async () => ({ items: [], nextCursor: null }),
      },
      '/readiness?tab=leaderboard&rollup=true&group=group:default/team-a',
    );

    expect(
      await screen.findByText(
        'The entities the group owns itself; those of the groups under it are in their own rows.',
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(api.getLeaderboard).toHaveBeenCalledWith(
        expect.objectContaining({ groupBy: 'owner', rollup: true }),
      ),
    );
  });
});
