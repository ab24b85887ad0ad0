import { identityApiRef } from '@backstage/core-plugin-api';
import { mockApis, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  entity,
  scorecardDetails,
  scorecardOverview,
} from './__testUtils__/fixtures';
import { mockReadinessApi } from './__testUtils__/mockReadinessApi';
import { renderInReadinessTestApp } from './__testUtils__/renderInReadinessTestApp';
import { teamReadiness } from './__testUtils__/teamFixtures';
import { EntityTeamReadinessCard, ReadinessHomeCard } from './plugin';

const readinessApi = () =>
  mockReadinessApi({
    getScorecards: async () => ({ items: [scorecardOverview()], problems: [] }),
    getScorecard: async () => scorecardDetails(),
    getTeamReadiness: async () => teamReadiness(),
  });

describe('readiness plugin team views (legacy frontend system)', () => {
  it('provides the team card as a lazily loaded extension', async () => {
    await renderInReadinessTestApp(<EntityTeamReadinessCard />, {
      readinessApi: readinessApi(),
      entity: entity('Group', 'team-a'),
    });

    expect(
      await screen.findByRole('heading', { name: 'Readiness' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('3 entities, average score 62'),
    ).toBeInTheDocument();
  });

  it('provides the home page card', async () => {
    await renderInReadinessTestApp(
      <TestApiProvider
        apis={[
          [
            identityApiRef,
            mockApis.identity({
              ownershipEntityRefs: ['group:default/team-a'],
            }),
          ],
        ]}
      >
        <ReadinessHomeCard />
      </TestApiProvider>,
      { readinessApi: readinessApi() },
    );

    expect(
      await screen.findByText('Readiness of my teams'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('3 entities, average score 62'),
    ).toBeInTheDocument();
  });
});
