import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  mockApis,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
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
import readinessPlugin from './alpha';
import { readinessApiRef } from './api';
import {
  campaignRouteRef,
  campaignsRouteRef,
  exemptionsRouteRef,
  rootRouteRef,
} from './routes';

const card = readinessPlugin.getExtension('entity-card:readiness/readiness');
const content = readinessPlugin.getExtension(
  'entity-content:readiness/readiness',
);
const page = readinessPlugin.getExtension('page:readiness');

/** The page and tab titles are translated when the extensions are created. */
const withTranslations = { apis: [mockApis.translation()] } as const;

const readinessApi = () =>
  mockReadinessApi({
    getEntityReadiness: async () => readiness([scorecardResult()]),
    getEntityHistory: async () => ({ entityRef: 'x', changes: [] }),
    getScorecards: async () => ({ items: [scorecardOverview()], problems: [] }),
  });

describe('readiness plugin (new frontend system)', () => {
  it('provides the readiness API, page, card and entity content', () => {
    expect(readinessPlugin.pluginId).toBe('readiness');
    expect(readinessPlugin.getExtension('api:readiness')).toBeDefined();
    expect(page).toBeDefined();
    expect(card).toBeDefined();
    expect(content).toBeDefined();
    expect(readinessPlugin.routes.root).toBe(rootRouteRef);
    expect(readinessPlugin.routes.exemptions).toBe(exemptionsRouteRef);
    expect(readinessPlugin.routes.campaigns).toBe(campaignsRouteRef);
    expect(readinessPlugin.routes.campaign).toBe(campaignRouteRef);
  });

  it('puts the card in the overview of the kinds the scorecards cover', () => {
    const tester = createExtensionTester(card);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;

    expect(filter(entity('Component'))).toBe(true);
    expect(filter(entity('API'))).toBe(true);
    expect(filter(entity('System'))).toBe(false);
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('info');
  });

  it('adds a "Readiness" tab to the entities the scorecards cover', () => {
    const tester = createExtensionTester(content, withTranslations);
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;

    expect(tester.get(coreExtensionData.routePath)).toBe('readiness');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Readiness');
    expect(filter(entity('Component'))).toBe(true);
    expect(filter(entity('API'))).toBe(true);
    expect(filter(entity('Group'))).toBe(false);
  });

  it('mounts the page at /readiness with a title and icon, making it a nav item', () => {
    const tester = createExtensionTester(page, withTranslations);

    expect(tester.get(coreExtensionData.routePath)).toBe('/readiness');
    expect(tester.get(coreExtensionData.routeRef)).toBe(rootRouteRef);
    expect(tester.get(coreExtensionData.title)).toBe('Readiness');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
  });

  it('renders the card with results from the readiness API', async () => {
    const tester = createExtensionTester(card);

    await renderInTestApp(
      <EntityProvider entity={entity('Component')}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[readinessApiRef, readinessApi()]] },
    );

    expect(
      await screen.findByRole('heading', { name: 'Readiness' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Level: Bronze')).toBeInTheDocument();
  });

  it('renders the entity content', async () => {
    const tester = createExtensionTester(content, withTranslations);

    await renderInTestApp(
      <EntityProvider entity={entity('Component')}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[readinessApiRef, readinessApi()]] },
    );

    expect(
      await screen.findByRole('heading', {
        level: 2,
        name: 'Production Readiness',
      }),
    ).toBeInTheDocument();
  });

  it('serves the page at /readiness, in the navigation, linking within it', async () => {
    renderTestApp({
      features: [readinessPlugin],
      initialRouteEntries: ['/readiness'],
      apis: [[readinessApiRef, readinessApi()]],
    });

    expect(
      await screen.findByRole('tab', { name: 'Scorecards', selected: true }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: /Production Readiness/ }),
    ).toHaveAttribute('href', '/readiness?scorecard=production-readiness');
    expect(
      within(screen.getByRole('navigation', { name: 'sidebar nav' })).getByRole(
        'link',
        { name: 'Readiness' },
      ),
    ).toHaveAttribute('href', '/readiness');
  });

  it('serves the exemptions at /readiness/exemptions, as a tab of the page', async () => {
    const api = readinessApi();
    api.listExemptions.mockResolvedValue({ items: [] });
    api.listAttestations.mockResolvedValue({ items: [] });
    renderTestApp({
      features: [readinessPlugin],
      initialRouteEntries: ['/readiness/exemptions'],
      apis: [[readinessApiRef, api]],
    });

    expect(
      await screen.findByRole('tab', { name: 'Exemptions', selected: true }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No exemption matches these filters.'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Scorecards' }));

    expect(
      await screen.findByRole('tab', { name: 'Scorecards', selected: true }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: /Production Readiness/ }),
    ).toBeInTheDocument();
  });

  it('serves the campaigns at /readiness/campaigns, each one below, as a tab of the page', async () => {
    const api = readinessApi();
    // Without owners and entities: the test app has no catalog to link to.
    const campaign = campaignSummary({ owner: undefined });
    api.getCampaigns.mockResolvedValue({ items: [campaign], problems: [] });
    api.getCampaign.mockResolvedValue(
      campaignDetails({
        campaign,
        byOwner: [],
        entities: { items: [], total: 0 },
      }),
    );
    api.getScorecard.mockRejectedValue(new Error('not needed'));
    renderTestApp({
      features: [readinessPlugin],
      initialRouteEntries: ['/readiness/campaigns'],
      apis: [[readinessApiRef, api]],
    });

    expect(
      await screen.findByRole('tab', { name: 'Campaigns', selected: true }),
    ).toBeInTheDocument();
    const link = await screen.findByRole('link', { name: 'TLS everywhere' });
    expect(link).toHaveAttribute('href', '/readiness/campaigns/tls-everywhere');

    await userEvent.click(link);

    expect(
      await screen.findByRole('heading', { name: 'TLS everywhere' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('tab', { name: 'Campaigns', selected: true }),
    ).toBeInTheDocument();
    expect(api.getCampaign).toHaveBeenCalledWith('tls-everywhere');
  });
});
