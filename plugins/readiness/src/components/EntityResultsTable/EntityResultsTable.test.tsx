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
    await renderTable(async () => ({ items: [], nextCursor: null }));

    expect(await screen.findByText('No entity matches.')).toBeInTheDocument();
  });

  it('pages through the entities with the cursors the backend gives', async () => {
    const fullFirstPage = [
      result('first-page', 61.6),
      ...Array.from({ length: 19 }, (_, i) => result(`filler-${i}`, 70)),
    ];
    const api = await renderTable(async ({ cursor }) =>
      cursor
        ? { items: [result('second-page', 80)], nextCursor: null }
        : { items: fullFirstPage, nextCursor: 'after-first' },
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
        cursor: 'after-first',
      }),
    );

    await userEvent.click(screen.getByRole('button', { name: /previous/i }));
    expect(
      await screen.findByRole('link', { name: /first-page/ }),
    ).toBeInTheDocument();
  });

  it('asks again where the backend stopped reading, to fill a page', async () => {
    const api = await renderTable(async ({ cursor }) => {
      const read = Number(cursor ?? 0);
      // One entity in every other batch the backend reads, until the tenth.
      return {
        items: read % 2 === 1 ? [result(`entity-${read}`, read)] : [],
        nextCursor: read < 10 ? String(read + 1) : null,
      };
    });

    expect(
      await screen.findByRole('link', { name: /entity-1/ }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /entity-3/ })).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(3);
    // A bounded number of requests per page, each for what is still missing.
    expect(api.listResults).toHaveBeenCalledTimes(5);
    expect(api.listResults).toHaveBeenNthCalledWith(4, {
      scorecard: 'production-readiness',
      level: 'silver',
      limit: 19,
      cursor: '3',
    });
    expect(screen.getByRole('button', { name: /next/i })).not.toBeDisabled();
  });
});
