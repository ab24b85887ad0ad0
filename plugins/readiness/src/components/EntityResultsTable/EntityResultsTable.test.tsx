import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  levels,
  minutesAgo,
  responseError,
} from '../../__testUtils__/fixtures';
import {
  mockReadinessApi,
  pending,
} from '../../__testUtils__/mockReadinessApi';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { ReadinessApi } from '../../api';
import { EntityResultsTable } from './EntityResultsTable';

const result = (name: string, score: number) => ({
  entityRef: `component:default/${name}`,
  score,
  level: 'silver',
  evaluatedAt: minutesAgo(1),
});

async function renderTable(listResults: ReadinessApi['listResults']) {
  const api = mockReadinessApi({ listResults });
  await renderInReadinessTestApp(
    <EntityResultsTable
      query={{ scorecard: 'production-readiness', level: 'silver' }}
      levels={levels}
    />,
    { readinessApi: api },
  );
  return api;
}

describe('EntityResultsTable', () => {
  it('shows placeholder rows while loading', async () => {
    await renderTable(pending);

    expect(await screen.findByRole('grid')).toHaveAttribute(
      'data-ispending',
      'true',
    );
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('shows what failed', async () => {
    const error = await responseError(400, 'Unknown level');
    await renderTable(() => Promise.reject(error));

    expect(
      await screen.findByText(/Could not load the entities/),
    ).toBeInTheDocument();
  });

  it('says so when no entity matches', async () => {
    await renderTable(async () => ({ items: [], nextOffset: null }));

    expect(await screen.findByText('No entity matches.')).toBeInTheDocument();
  });

  it('pages through the entities with the offsets the backend gives', async () => {
    const api = await renderTable(async ({ offset }) =>
      offset
        ? { items: [result('second-page', 80)], nextOffset: null }
        : { items: [result('first-page', 61.6)], nextOffset: 20 },
    );

    const [, first] = await screen.findAllByRole('row');
    expect(
      within(first).getByRole('link', { name: /first-page/ }),
    ).toHaveAttribute('href', '/catalog/default/component/first-page');
    expect(first).toHaveTextContent('62');
    expect(first).toHaveTextContent('Silver');
    expect(first).toHaveTextContent('1 minute ago');

    await userEvent.click(screen.getByRole('button', { name: /next/i }));

    expect(
      await screen.findByRole('link', { name: /second-page/ }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(api.listResults).toHaveBeenLastCalledWith({
        scorecard: 'production-readiness',
        level: 'silver',
        limit: 20,
        offset: 20,
      }),
    );
  });
});
