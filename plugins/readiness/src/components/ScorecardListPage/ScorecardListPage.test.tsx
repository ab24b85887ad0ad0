import { screen, within } from '@testing-library/react';
import { cellInColumn } from '../../__testUtils__/cellInColumn';
import { responseError, scorecardOverview } from '../../__testUtils__/fixtures';
import {
  mockReadinessApi,
  pending,
} from '../../__testUtils__/mockReadinessApi';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { ReadinessApi } from '../../api';
import { ScorecardListPage } from './ScorecardListPage';

async function renderList(getScorecards: ReadinessApi['getScorecards']) {
  await renderInReadinessTestApp(<ScorecardListPage />, {
    readinessApi: mockReadinessApi({ getScorecards }),
  });
}

describe('ScorecardListPage', () => {
  it('shows progress while loading', async () => {
    await renderList(pending);

    expect(
      await screen.findByRole('progressbar', { name: 'Loading' }),
    ).toBeInTheDocument();
  });

  it('shows what failed', async () => {
    const error = await responseError(500, 'Database is down');
    await renderList(() => Promise.reject(error));

    expect(
      await screen.findByText(/Could not load the scorecards/),
    ).toBeInTheDocument();
  });

  it('says so when no scorecard is in force', async () => {
    await renderList(async () => ({ items: [], problems: [] }));

    expect(
      await screen.findByText('No scorecard is in force.'),
    ).toBeInTheDocument();
  });

  it('lists the scorecards with their standing, linked to their pages', async () => {
    await renderList(async () => ({
      items: [
        scorecardOverview(),
        scorecardOverview({
          id: 'api-quality',
          title: 'API Quality',
          description: 'Is the API usable?',
          checks: 8,
          entities: 0,
          averageScore: null,
          levelCounts: {},
        }),
      ],
      problems: [],
    }));

    const [header, production, api] = await screen.findAllByRole('row');
    expect(
      within(production).getByRole('link', { name: /Production Readiness/ }),
    ).toHaveAttribute('href', '/readiness?scorecard=production-readiness');
    expect(production).toHaveTextContent('Ready for production?');
    expect(production).toHaveTextContent('46');
    expect(production).toHaveTextContent('64');
    expect(production).toHaveTextContent(
      'No level: 4 · Bronze: 3 · Silver: 2 · Gold: 1',
    );
    expect(api).toHaveTextContent('Not scored yet');
    expect(cellInColumn(header, production, /Checks waived/)).toHaveTextContent(
      /^3$/,
    );
    expect(api).toHaveTextContent('No level: 0 · Bronze: 0');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the definitions that were kept out, with where the problem is', async () => {
    await renderList(async () => ({
      items: [scorecardOverview()],
      problems: [
        {
          source: 'scorecards/team.yaml',
          line: 12,
          column: 7,
          path: 'spec.checks[0].level',
          message: 'unknown level "platinum"',
        },
      ],
    }));

    expect(
      await screen.findByText('1 scorecard definition was kept out'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'scorecards/team.yaml:12:7 spec.checks[0].level: unknown level "platinum"',
      ),
    ).toBeInTheDocument();
  });
});
