import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { responseError, scorecardOverview } from '../../__testUtils__/fixtures';
import {
  mockReadinessApi,
  pending,
} from '../../__testUtils__/mockReadinessApi';
import { attestation, exemption } from '../../__testUtils__/ownerInputFixtures';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { ReadinessApi } from '../../api';
import { exemptionsSelection, ownerInputQuery } from './exemptionsSelection';
import { ExemptionsPage } from './ExemptionsPage';

const scorecards = {
  items: [
    scorecardOverview(),
    scorecardOverview({ id: 'api-quality', title: 'API Quality' }),
  ],
  problems: [],
};

async function renderPage(
  methods: Partial<ReadinessApi> = {},
  route = '/readiness/exemptions',
) {
  const api = mockReadinessApi({
    getScorecards: async () => scorecards,
    listExemptions: async () => ({ items: [exemption()] }),
    listAttestations: async () => ({ items: [attestation()] }),
    ...methods,
  });
  await renderInReadinessTestApp(<ExemptionsPage />, {
    readinessApi: api,
    route,
  });
  return api;
}

/** The arguments of the latest call of a mocked method. */
const lastCall = (mock: jest.MockInstance<unknown, any[]>) =>
  mock.mock.calls[mock.mock.calls.length - 1];

describe('exemptionsSelection', () => {
  it('shows pending ones by default, and an end date only for active ones', () => {
    expect(exemptionsSelection({})).toEqual({
      status: 'pending',
      scorecard: undefined,
      owner: undefined,
      expiring: undefined,
    });
    expect(exemptionsSelection({ status: 'nonsense', expiring: '30' })).toEqual(
      expect.objectContaining({ status: 'pending', expiring: undefined }),
    );
    expect(exemptionsSelection({ status: 'active', expiring: '30' })).toEqual(
      expect.objectContaining({ status: 'active', expiring: '30' }),
    );
    expect(exemptionsSelection({ status: 'any' }).status).toBe('any');
  });

  it('asks the backend for a group by its ref', () => {
    expect(
      ownerInputQuery(exemptionsSelection({ status: 'any', owner: 'team-a' })),
    ).toEqual({
      status: undefined,
      scorecard: undefined,
      owner: 'group:default/team-a',
      expiringWithinDays: undefined,
    });
    expect(
      ownerInputQuery(
        exemptionsSelection({
          status: 'active',
          expiring: '7',
          owner: 'user:ops/jane',
        }),
      ),
    ).toEqual(
      expect.objectContaining({
        owner: 'user:ops/jane',
        expiringWithinDays: 7,
      }),
    );
  });
});

/** Several selects and typing: more than Jest's 5 s on a busy machine. */
const INTERACTIVE_TIMEOUT_MS = 20_000;

describe('ExemptionsPage', () => {
  it('shows progress while the scorecards load', async () => {
    await renderPage({ getScorecards: pending });

    expect(
      await screen.findByRole('progressbar', { name: 'Loading' }),
    ).toBeInTheDocument();
  });

  it('shows what failed when the scorecards cannot be loaded', async () => {
    const error = await responseError(500, 'Database is down');
    await renderPage({ getScorecards: () => Promise.reject(error) });

    expect(
      await screen.findByText(/Could not load the scorecards/),
    ).toBeInTheDocument();
  });

  it('lists the pending exemptions and attestations first', async () => {
    const api = await renderPage();

    const exemptions = await screen.findByRole('region', {
      name: 'Exemptions',
    });
    const attestations = screen.getByRole('region', { name: 'Attestations' });
    expect(await within(exemptions).findByText('on-call')).toBeInTheDocument();
    expect(
      await within(attestations).findByText('dr-rehearsed'),
    ).toBeInTheDocument();
    // The scorecard's title, not its id.
    expect(
      within(exemptions).getByText('Production Readiness'),
    ).toBeInTheDocument();
    expect(api.listExemptions).toHaveBeenCalledWith({
      status: 'pending',
      limit: 100,
    });
    expect(api.listAttestations).toHaveBeenCalledWith({
      status: 'pending',
      limit: 100,
    });
  });

  it('says so when nothing matches', async () => {
    await renderPage({
      listExemptions: async () => ({ items: [] }),
      listAttestations: async () => ({ items: [] }),
    });

    expect(
      await screen.findByText('No exemption matches these filters.'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No attestation matches these filters.'),
    ).toBeInTheDocument();
  });

  it('takes its filters from the URL, leaving attestations out for an end date', async () => {
    const api = await renderPage(
      {},
      '/readiness/exemptions?status=active&expiring=30&owner=team-a&scorecard=api-quality',
    );

    expect(
      await screen.findByRole('region', { name: 'Exemptions' }),
    ).toBeInTheDocument();
    expect(api.listExemptions).toHaveBeenCalledWith({
      status: 'active',
      scorecard: 'api-quality',
      owner: 'group:default/team-a',
      expiringWithinDays: 30,
      limit: 100,
    });
    expect(
      screen.queryByRole('region', { name: 'Attestations' }),
    ).not.toBeInTheDocument();
    expect(api.listAttestations).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: /Owner/ })).toHaveValue(
      'team-a',
    );
  });

  it(
    'asks again when a filter changes',
    async () => {
      const api = await renderPage();
      await screen.findByRole('region', { name: 'Exemptions' });

      await userEvent.click(screen.getByRole('button', { name: /Status$/ }));
      await userEvent.click(
        await screen.findByRole('option', { name: 'Rejected' }),
      );
      await waitFor(() =>
        expect(lastCall(api.listExemptions)).toEqual([
          expect.objectContaining({ status: 'rejected' }),
        ]),
      );

      await userEvent.click(screen.getByRole('button', { name: /Scorecard$/ }));
      await userEvent.click(
        await screen.findByRole('option', { name: 'API Quality' }),
      );
      await waitFor(() =>
        expect(lastCall(api.listAttestations)).toEqual([
          expect.objectContaining({
            status: 'rejected',
            scorecard: 'api-quality',
          }),
        ]),
      );
    },
    INTERACTIVE_TIMEOUT_MS,
  );

  it(
    'filters on an owner once typing stops, and on an end date',
    async () => {
      const api = await renderPage(
        {},
        '/readiness/exemptions?status=rejected&scorecard=api-quality',
      );
      await screen.findByRole('region', { name: 'Exemptions' });

      await userEvent.type(
        screen.getByRole('textbox', { name: /Owner/ }),
        'team-b',
      );
      await waitFor(() =>
        expect(lastCall(api.listExemptions)).toEqual([
          expect.objectContaining({ owner: 'group:default/team-b' }),
        ]),
      );

      // An end date to filter on: active ones only, no attestations.
      await userEvent.click(
        screen.getByRole('button', { name: /Active, ending within$/ }),
      );
      await userEvent.click(
        await screen.findByRole('option', { name: '7 days' }),
      );
      await waitFor(() =>
        expect(lastCall(api.listExemptions)).toEqual([
          {
            status: 'active',
            scorecard: 'api-quality',
            owner: 'group:default/team-b',
            expiringWithinDays: 7,
            limit: 100,
          },
        ]),
      );
      expect(
        screen.queryByRole('region', { name: 'Attestations' }),
      ).not.toBeInTheDocument();
    },
    INTERACTIVE_TIMEOUT_MS,
  );
});
