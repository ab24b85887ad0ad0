import { screen } from '@testing-library/react';
import { responseError, scorecardOverview } from '../../__testUtils__/fixtures';
import { mockReadinessApi } from '../../__testUtils__/mockReadinessApi';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { ReadinessApi } from '../../api';
import { ScorecardChoice } from './ScorecardChoice';

async function renderChoice(getScorecards: ReadinessApi['getScorecards']) {
  await renderInReadinessTestApp(
    <ScorecardChoice>
      {scorecard => <p>Showing {scorecard.title}</p>}
    </ScorecardChoice>,
    { readinessApi: mockReadinessApi({ getScorecards }) },
  );
}

describe('ScorecardChoice', () => {
  it('renders for one scorecard, with a select when there are several', async () => {
    await renderChoice(async () => ({
      items: [
        scorecardOverview(),
        scorecardOverview({ id: 'api-quality', title: 'API Quality' }),
      ],
      problems: [],
    }));

    expect(
      await screen.findByText('Showing Production Readiness'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: /Scorecard/ }),
    ).toBeInTheDocument();
  });

  it('starts on the scorecard that scores the most entities', async () => {
    await renderChoice(async () => ({
      items: [
        scorecardOverview({ id: 'api-quality', title: 'API Quality' }),
        scorecardOverview({ entities: 1000 }),
      ],
      problems: [],
    }));

    expect(
      await screen.findByText('Showing Production Readiness'),
    ).toBeInTheDocument();
  });

  it('says so when no scorecard is in force', async () => {
    await renderChoice(async () => ({ items: [], problems: [] }));

    expect(
      await screen.findByText('No scorecard is in force.'),
    ).toBeInTheDocument();
  });

  it('shows what failed', async () => {
    const error = await responseError(500, 'Database is down');
    await renderChoice(() => Promise.reject(error));

    expect(
      await screen.findByText(/Could not load the scorecards/),
    ).toBeInTheDocument();
  });
});
