import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { scorecardOverview } from '../../__testUtils__/fixtures';
import { leaderboardSelection } from './leaderboardSelection';
import { LeaderboardFilters } from './LeaderboardFilters';

describe('leaderboardSelection', () => {
  it('defaults to owners over 30 days, and ignores what it does not know', () => {
    expect(
      leaderboardSelection({ groupBy: 'team', period: '12', tag: 'java' }, 'x'),
    ).toEqual({
      scorecard: 'x',
      groupBy: 'owner',
      period: '30',
      rollup: false,
      kind: undefined,
      type: undefined,
      lifecycle: undefined,
      tag: 'java',
    });
  });
});

describe('LeaderboardFilters', () => {
  const selection = leaderboardSelection({}, 'production-readiness');

  it('offers a labelled control for every choice, and changes one at a time', async () => {
    const onChange = jest.fn();
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            catalogApiRef,
            catalogApiMock({
              entities: [
                {
                  apiVersion: 'backstage.io/v1alpha1',
                  kind: 'Component',
                  metadata: { name: 'a' },
                  spec: { lifecycle: 'production' },
                },
              ],
            }),
          ],
        ]}
      >
        <LeaderboardFilters
          scorecards={[scorecardOverview()]}
          selection={selection}
          onChange={onChange}
        />
      </TestApiProvider>,
    );

    for (const label of [
      'Scorecard',
      'Group by',
      'Trend over',
      'Kind',
      'Type',
      'Lifecycle',
      'Tag',
    ]) {
      expect(
        screen.getByRole('button', { name: new RegExp(`${label}$`) }),
      ).toBeInTheDocument();
    }

    await userEvent.click(screen.getByRole('button', { name: /Lifecycle$/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'production' }),
    );
    expect(onChange).toHaveBeenCalledWith({ lifecycle: 'production' });
  });

  it('says so when the catalog cannot tell the values to filter on', async () => {
    const catalogApi = catalogApiMock.mock({
      getEntityFacets: jest.fn().mockRejectedValue(new Error('down')),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[catalogApiRef, catalogApi]]}>
        <LeaderboardFilters
          scorecards={[scorecardOverview()]}
          selection={selection}
          onChange={jest.fn()}
        />
      </TestApiProvider>,
    );

    expect(
      await screen.findByText(
        'Could not load the kinds, types, lifecycles and tags from the catalog.',
      ),
    ).toBeInTheDocument();
  });

  it('offers to include sub-groups by owner only, and clears the drill-down when switched', async () => {
    const onChange = jest.fn();
    const render = (groupBy: string, rollup?: string) =>
      renderInTestApp(
        <TestApiProvider apis={[[catalogApiRef, catalogApiMock()]]}>
          <LeaderboardFilters
            scorecards={[scorecardOverview()]}
            selection={leaderboardSelection(
              { groupBy, rollup },
              'production-readiness',
            )}
            onChange={onChange}
          />
        </TestApiProvider>,
      );
    await render('owner');

    await userEvent.click(
      screen.getByRole('switch', { name: 'Include sub-groups' }),
    );
    expect(onChange).toHaveBeenCalledWith({ rollup: 'true', group: undefined });
    expect(
      screen.queryByText(/counts the entities of the groups under it/),
    ).not.toBeInTheDocument();
  });

  it('says what a rolled-up row counts, and hides the switch for systems', async () => {
    const { unmount } = await renderInTestApp(
      <TestApiProvider apis={[[catalogApiRef, catalogApiMock()]]}>
        <LeaderboardFilters
          scorecards={[scorecardOverview()]}
          selection={leaderboardSelection(
            { rollup: 'true' },
            'production-readiness',
          )}
          onChange={jest.fn()}
        />
      </TestApiProvider>,
    );
    expect(
      screen.getByRole('switch', { name: 'Include sub-groups' }),
    ).toBeChecked();
    expect(
      screen.getByText(
        'Each group counts the entities of the groups under it as well as its own.',
      ),
    ).toBeInTheDocument();
    unmount();

    await renderInTestApp(
      <TestApiProvider apis={[[catalogApiRef, catalogApiMock()]]}>
        <LeaderboardFilters
          scorecards={[scorecardOverview()]}
          selection={leaderboardSelection(
            { groupBy: 'system', rollup: 'true' },
            'production-readiness',
          )}
          onChange={jest.fn()}
        />
      </TestApiProvider>,
    );
    expect(screen.queryByRole('switch')).not.toBeInTheDocument();
  });
});
