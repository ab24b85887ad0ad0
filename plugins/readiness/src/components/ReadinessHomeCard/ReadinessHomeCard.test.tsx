import { identityApiRef } from '@backstage/core-plugin-api';
import { mockApis, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import {
  scorecardDetails,
  scorecardOverview,
} from '../../__testUtils__/fixtures';
import { mockReadinessApi } from '../../__testUtils__/mockReadinessApi';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { teamReadiness } from '../../__testUtils__/teamFixtures';
import { ReadinessHomeCard } from './ReadinessHomeCard';

async function renderHomeCard(ownershipEntityRefs: string[]) {
  const api = mockReadinessApi({
    getScorecards: async () => ({
      items: [scorecardOverview()],
      problems: [],
    }),
    getScorecard: async () => scorecardDetails(),
    getTeamReadiness: async group =>
      teamReadiness({ group: String(group), regressions: [] }),
  });
  await renderInReadinessTestApp(
    <TestApiProvider
      apis={[
        [
          identityApiRef,
          mockApis.identity({
            userEntityRef: 'user:default/ada',
            ownershipEntityRefs,
          }),
        ],
      ]}
    >
      <ReadinessHomeCard />
    </TestApiProvider>,
    { readinessApi: api },
  );
  return api;
}

describe('ReadinessHomeCard', () => {
  it("shows the readiness of each of the user's groups, in compact form", async () => {
    const api = await renderHomeCard([
      'user:default/ada',
      'group:default/team-a',
      'group:default/team-b',
    ]);

    const teamA = await screen.findByRole('region', { name: 'team-a' });
    expect(
      await within(teamA).findByText('3 entities, average score 62'),
    ).toBeInTheDocument();
    expect(within(teamA).getByRole('link', { name: /team-a/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/team-a',
    );
    expect(
      within(teamA).getByRole('link', { name: 'SLOs everywhere' }),
    ).toBeInTheDocument();
    // Compact: no table of entities.
    expect(within(teamA).queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'team-b' })).toBeInTheDocument();
    expect(api.getTeamReadiness.mock.calls.map(call => call[0])).toEqual([
      'group:default/team-a',
      'group:default/team-b',
    ]);
    expect(api.getScorecard).toHaveBeenCalledTimes(1);
  });

  it('shows five groups at most and says how many more there are', async () => {
    await renderHomeCard(
      Array.from({ length: 7 }, (_, i) => `group:default/team-${i}`),
    );

    expect(await screen.findByText('and 2 more groups')).toBeInTheDocument();
    expect(screen.getAllByRole('region')).toHaveLength(5);
  });

  it('says so when the user is in no group', async () => {
    const api = await renderHomeCard(['user:default/ada']);

    expect(
      await screen.findByText('You are not a member of any group.'),
    ).toBeInTheDocument();
    expect(api.getScorecards).not.toHaveBeenCalled();
  });
});
