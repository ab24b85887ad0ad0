import { identityApiRef } from '@backstage/core-plugin-api';
import {
  createExtensionTester,
  mockApis,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { screen } from '@testing-library/react';
import {
  entity,
  scorecardDetails,
  scorecardOverview,
} from './__testUtils__/fixtures';
import { mockReadinessApi } from './__testUtils__/mockReadinessApi';
import { teamReadiness } from './__testUtils__/teamFixtures';
import readinessPlugin from './alpha';
import { readinessApiRef } from './api';

const groupCard = readinessPlugin.getExtension(
  'entity-card:readiness/team-readiness',
);
const homeWidget = readinessPlugin.getExtension(
  'home-page-widget:readiness/teams',
);

/** Entity links need the catalog's entity page, as in an app. */
const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

const readinessApi = () =>
  mockReadinessApi({
    getScorecards: async () => ({ items: [scorecardOverview()], problems: [] }),
    getScorecard: async () => scorecardDetails(),
    getTeamReadiness: async () => teamReadiness(),
  });

describe('readiness plugin team views (new frontend system)', () => {
  it('puts the team card on Group pages only', () => {
    const tester = createExtensionTester(groupCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;

    expect(filter(entity('Group'))).toBe(true);
    expect(filter(entity('Component'))).toBe(false);
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('content');
  });

  it("renders the team card with the group's readiness", async () => {
    const api = readinessApi();
    const tester = createExtensionTester(groupCard);

    await renderInTestApp(
      <EntityProvider entity={entity('Group', 'team-a')}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[readinessApiRef, api]], mountedRoutes },
    );

    expect(
      await screen.findByText('3 entities, average score 62'),
    ).toBeInTheDocument();
    expect(api.getTeamReadiness).toHaveBeenCalledWith(
      'group:default/team-a',
      'production-readiness',
    );
  });

  it("offers the home page widget, which shows the user's groups", async () => {
    const widget = createExtensionTester(homeWidget).get(
      HomePageWidgetBlueprint.dataRefs.widget,
    );
    expect(widget).toEqual(
      expect.objectContaining({
        name: 'ReadinessTeams',
        title: 'Readiness of my teams',
      }),
    );

    await renderInTestApp(widget.component, {
      apis: [
        [readinessApiRef, readinessApi()],
        [
          identityApiRef,
          mockApis.identity({ ownershipEntityRefs: ['group:default/team-a'] }),
        ],
      ],
      mountedRoutes,
    });

    expect(
      await screen.findByText('3 entities, average score 62'),
    ).toBeInTheDocument();
  });
});
