import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  campaignDetails,
  campaignSummary,
} from './__testUtils__/campaignFixtures';
import {
  entity,
  readiness,
  scorecardOverview,
  scorecardResult,
} from './__testUtils__/fixtures';
import { mockReadinessApi } from './__testUtils__/mockReadinessApi';
import { renderInReadinessTestApp } from './__testUtils__/renderInReadinessTestApp';
import {
  EntityReadinessCard,
  EntityReadinessContent,
  ReadinessPage,
  readinessPlugin,
} from './plugin';
import {
  campaignRouteRef,
  campaignsRouteRef,
  createFromTemplateRouteRef,
  exemptionsRouteRef,
  rootRouteRef,
} from './routes';

const readinessApi = () =>
  mockReadinessApi({
    getEntityReadiness: async () => readiness([scorecardResult()]),
    getEntityHistory: async () => ({ entityRef: 'x', changes: [] }),
    getScorecards: async () => ({ items: [scorecardOverview()], problems: [] }),
  });

describe('readiness plugin (legacy frontend system)', () => {
  it('registers the readiness API factory and its routes', () => {
    expect(readinessPlugin.getId()).toBe('readiness');
    const apiIds = [...readinessPlugin.getApis()].map(
      factory => factory.api.id,
    );
    expect(apiIds).toEqual(['plugin.readiness.service']);
    expect(readinessPlugin.routes).toEqual({
      root: rootRouteRef,
      exemptions: exemptionsRouteRef,
      campaigns: campaignsRouteRef,
      campaign: campaignRouteRef,
    });
    expect(readinessPlugin.externalRoutes).toEqual({
      createFromTemplate: createFromTemplateRouteRef,
    });
  });

  it('provides the card as a lazily loaded extension', async () => {
    await renderInReadinessTestApp(<EntityReadinessCard />, {
      readinessApi: readinessApi(),
      entity: entity(),
    });

    expect(
      await screen.findByRole('heading', { name: 'Readiness' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Level: Bronze')).toBeInTheDocument();
  });

  it('provides the entity content as a lazily loaded extension', async () => {
    await renderInReadinessTestApp(<EntityReadinessContent />, {
      readinessApi: readinessApi(),
      entity: entity(),
    });

    expect(
      await screen.findByRole('heading', {
        level: 2,
        name: 'Production Readiness',
      }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No change has been recorded yet.'),
    ).toBeInTheDocument();
  });

  it('provides the readiness page, with its header, on its route', async () => {
    // Inside a component, so that the test app does not take the page for
    // one of its routes; the page's route is mounted at /readiness.
    const App = () => <ReadinessPage />;
    await renderInReadinessTestApp(<App />, {
      readinessApi: readinessApi(),
      route: '/readiness',
    });

    expect(
      await screen.findByRole('heading', { name: 'Readiness' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: /Production Readiness/ }),
    ).toHaveAttribute('href', '/readiness?scorecard=production-readiness');
  });

  it('serves the exemptions below the page', async () => {
    const App = () => <ReadinessPage />;
    const api = readinessApi();
    api.listExemptions.mockResolvedValue({ items: [] });
    api.listAttestations.mockResolvedValue({ items: [] });
    await renderInReadinessTestApp(<App />, {
      readinessApi: api,
      route: '/readiness/exemptions',
    });

    expect(
      await screen.findByRole('tab', { name: 'Exemptions', selected: true }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No exemption matches these filters.'),
    ).toBeInTheDocument();
  });

  it('serves the campaigns and each campaign below the page', async () => {
    const App = () => <ReadinessPage />;
    const api = readinessApi();
    api.getCampaigns.mockResolvedValue({
      items: [campaignSummary()],
      problems: [],
    });
    api.getCampaign.mockResolvedValue(campaignDetails());
    api.getScorecard.mockRejectedValue(new Error('not needed'));
    await renderInReadinessTestApp(<App />, {
      readinessApi: api,
      route: '/readiness/campaigns',
    });

    expect(
      await screen.findByRole('tab', { name: 'Campaigns', selected: true }),
    ).toBeInTheDocument();
    await userEvent.click(
      await screen.findByRole('link', { name: 'TLS everywhere' }),
    );

    expect(
      await screen.findByRole('heading', { name: 'TLS everywhere' }),
    ).toBeInTheDocument();
    expect(api.getCampaign).toHaveBeenCalledWith('tls-everywhere');
  });
});
