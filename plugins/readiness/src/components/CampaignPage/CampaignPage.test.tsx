import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CampaignDetails } from '@readiness/plugin-readiness-common';
import {
  campaignDetails,
  campaignEntity,
  campaignSummary,
} from '../../__testUtils__/campaignFixtures';
import { responseError, scorecardDetails } from '../../__testUtils__/fixtures';
import { mockReadinessApi } from '../../__testUtils__/mockReadinessApi';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { ReadinessApi } from '../../api';
import { CampaignPage } from './CampaignPage';

const scorecard = () => {
  const details = scorecardDetails();
  const check = (id: string, title: string) => ({
    id,
    title,
    category: 'ownership',
    level: 'silver',
    weight: 1,
    condition: { fact: 'x', exists: true },
    remediation: { text: 'Fix it' },
  });
  return {
    ...details,
    definition: {
      ...details.definition,
      checks: [check('tls', 'Serves TLS'), check('on-call', 'Has on-call')],
    },
  } as Awaited<ReturnType<ReadinessApi['getScorecard']>>;
};

async function renderPage(
  getCampaign: ReadinessApi['getCampaign'] = async () => campaignDetails(),
  route = '/readiness/campaigns/tls-everywhere',
) {
  const readinessApi = mockReadinessApi({
    getCampaign,
    getScorecard: async () => scorecard(),
  });
  await renderInReadinessTestApp(<CampaignPage name="tls-everywhere" />, {
    readinessApi,
    route,
  });
  await screen.findByRole('heading', { name: 'TLS everywhere' });
  return readinessApi;
}

const section = (name: string) => screen.getByRole('region', { name });

/** The body rows of the table in a section, as their text. */
const rowTexts = (region: HTMLElement) =>
  within(region)
    .getAllByRole('row')
    .slice(1)
    .map(row => row.textContent);

describe('CampaignPage', () => {
  it('says what the campaign asks of what, by whom and by when, and how far it got', async () => {
    const api = await renderPage();

    expect(api.getCampaign).toHaveBeenCalledWith('tls-everywhere');
    expect(api.getScorecard).toHaveBeenCalledWith('production-readiness');
    expect(screen.getByText('TLS', { selector: 'strong' })).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Production Readiness' }),
    ).toHaveAttribute('href', '/readiness?scorecard=production-readiness');
    expect(
      screen.getByText(/Pass Serves TLS, Has on-call/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /Running · From 2027-03-01 to 2027-03-31, due in 12 days/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/Run by/)).toHaveTextContent('team-security');
    expect(
      screen.getByRole('meter', { name: 'Progress of TLS everywhere' }),
    ).toHaveAttribute('aria-valuetext', '7 of 10 (70 %)');
    expect(
      screen.getByText(
        'At the current pace, every entity meets the goal by 2027-03-28.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All campaigns' })).toHaveAttribute(
      'href',
      '/readiness/campaigns',
    );
  });

  it('draws the burn-up with a text alternative', async () => {
    await renderPage();

    expect(
      within(section('Burn-up')).getByRole('img', {
        name: 'TLS everywhere, from its start on 2027-03-01 to its deadline on 2027-03-31: entities meeting the goal per day recorded, from 2027-03-01 to 2027-03-19; 7 of 10 on the last day.',
      }),
    ).toBeInTheDocument();
  });

  it('describes a single recorded day against the whole campaign', async () => {
    await renderPage(async () =>
      campaignDetails({
        burnUp: [{ day: '2027-03-10', targeted: 10, met: 4 }],
      }),
    );

    expect(
      within(section('Burn-up')).getByRole('img', {
        name: 'TLS everywhere, from its start on 2027-03-01 to its deadline on 2027-03-31: entities meeting the goal per day recorded, from 2027-03-10 to 2027-03-10; 4 of 10 on the last day.',
      }),
    ).toBeInTheDocument();
  });

  it('says so when no progress was recorded yet', async () => {
    await renderPage(async () =>
      campaignDetails({
        campaign: campaignSummary({ phase: 'scheduled', daysLeft: 40 }),
        burnUp: [],
        projectedCompletion: null,
      }),
    );

    expect(
      within(section('Burn-up')).getByText(
        'No progress has been recorded yet.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No completion date can be projected yet.'),
    ).toBeInTheDocument();
  });

  it('previews what enforcing the advisory checks would do to levels', async () => {
    await renderPage(async () =>
      campaignDetails({
        enforcement: {
          checks: ['tls'],
          enforcedFrom: '2027-04-01',
          levelChanges: [
            { from: 'silver', to: 'bronze', entities: 3 },
            { from: 'bronze', to: null, entities: 1 },
          ],
        },
      }),
    );

    const preview = screen.getByText('When the advisory checks are enforced')
      .parentElement!.parentElement!;
    expect(preview).toHaveTextContent(
      'Advisory checks of the goal: Serves TLS. They are enforced from 2027-04-01.',
    );
    expect(preview).toHaveTextContent('3 entities Silver → Bronze');
    expect(preview).toHaveTextContent('1 entity Bronze → No level');
  });

  it('ranks the owners least advanced first, and lists the entities of the one picked', async () => {
    const api = await renderPage();
    const groups = section('Progress per group');

    expect(rowTexts(groups)).toEqual([
      expect.stringMatching(/^No owner0 of 1 \(0 %\)1/),
      expect.stringMatching(/^team-a1 of 4 \(25 %\)3/),
      expect.stringMatching(/^team-b5 of 5 \(100 %\)0/),
    ]);
    api.getCampaign.mockResolvedValueOnce(
      campaignDetails({
        entities: { items: [campaignEntity('billing')], total: 1 },
      }),
    );

    await userEvent.click(
      within(groups).getByRole('button', { name: 'Entities of team-a' }),
    );

    expect(await screen.findByText('Owner: team-a')).toBeInTheDocument();
    expect(api.getCampaign).toHaveBeenLastCalledWith('tls-everywhere', {
      status: 'open',
      owner: 'group:default/team-a',
      limit: 50,
    });
    const entities = section('Entities');
    expect(await within(entities).findByText('billing')).toBeInTheDocument();
    expect(
      within(entities).getByRole('heading', { name: 'Entities' }),
    ).toHaveFocus();

    await userEvent.click(
      within(entities).getByRole('button', { name: 'Show all owners' }),
    );
    expect(await within(entities).findByText('payments')).toBeInTheDocument();
  });

  it('switches the groups to systems', async () => {
    await renderPage();
    const groups = section('Progress per group');

    await userEvent.click(
      within(groups).getByRole('button', { name: /Group by$/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'System' }),
    );

    await waitFor(() =>
      expect(rowTexts(groups)).toEqual([
        expect.stringMatching(/^shop7 of 10 \(70 %\)3$/),
      ]),
    );
    expect(
      within(groups).queryByRole('button', { name: /Entities of/ }),
    ).toBeNull();
  });

  it('lists the entities with the checks they still need, linked to their Readiness tab, a page at a time', async () => {
    const api = await renderPage();
    const entities = section('Entities');

    expect(
      within(entities).getByRole('link', { name: 'payments' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments/readiness');
    expect(rowTexts(entities)[0]).toBe('paymentsteam-aBronzeOpenServes TLS');
    expect(within(entities).getByText('Showing 2 of 3.')).toBeInTheDocument();
    // The first page came with the campaign.
    expect(api.getCampaign).toHaveBeenCalledTimes(1);
    api.getCampaign.mockResolvedValueOnce(
      campaignDetails({
        entities: {
          items: [
            campaignEntity('web', {
              openChecks: ['tls', 'on-call'],
              regressedAt: '2027-03-12T10:00:00Z',
            }),
          ],
          total: 3,
        },
      }),
    );

    await userEvent.click(
      within(entities).getByRole('button', { name: 'Show more' }),
    );

    expect(api.getCampaign).toHaveBeenLastCalledWith('tls-everywhere', {
      status: 'open',
      owner: undefined,
      limit: 50,
      cursor: 'c2VhcmNo',
    });
    expect(
      await within(entities).findByText('Showing 3 of 3.'),
    ).toBeInTheDocument();
    expect(rowTexts(entities)[2]).toBe(
      'webteam-aBronzeRegressedServes TLS, Has on-call',
    );
    expect(
      within(entities).queryByRole('button', { name: 'Show more' }),
    ).toBeNull();
  });

  it('shows an owner filter from the URL that is not an entity ref as written', async () => {
    const api = await renderPage(
      async () => campaignDetails(),
      '/readiness/campaigns/tls-everywhere?owner=team-a',
    );

    expect(await screen.findByText('Owner: team-a')).toBeInTheDocument();
    expect(api.getCampaign).toHaveBeenLastCalledWith('tls-everywhere', {
      status: 'open',
      owner: 'team-a',
      limit: 50,
    });
  });

  it('filters the entities by status', async () => {
    const api = await renderPage();
    const entities = section('Entities');
    api.getCampaign.mockResolvedValueOnce(
      campaignDetails({
        entities: {
          items: [campaignEntity('cart', { met: true, openChecks: [] })],
          total: 1,
        },
      }),
    );

    await userEvent.click(
      within(entities).getByRole('button', { name: /Status$/ }),
    );
    await userEvent.click(await screen.findByRole('option', { name: 'Met' }));

    expect(await within(entities).findByText('cart')).toBeInTheDocument();
    expect(api.getCampaign).toHaveBeenLastCalledWith('tls-everywhere', {
      status: 'met',
      owner: undefined,
      limit: 50,
    });
    expect(rowTexts(entities)).toEqual(['cartteam-aBronzeMet–']);
  });

  it('exports the entities loaded as CSV', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:entities';
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    await renderPage();

    await userEvent.click(
      screen.getByRole('button', { name: 'Download entities as CSV' }),
    );

    const text = new TextDecoder().decode(await blobs[0].arrayBuffer());
    expect(text.split('\r\n')).toEqual([
      'Entity,Owner,System,Domain,Level,Status,Checks still needed,Met at,Regressed at',
      'component:default/payments,group:default/team-a,system:default/shop,,Bronze,Open,Serves TLS,,',
      'component:default/search,group:default/team-a,system:default/shop,,Bronze,Open,Serves TLS,,',
      '',
    ]);
    click.mockRestore();
  });

  it('exports the groups shown as CSV', async () => {
    const blobs: Blob[] = [];
    const downloads: string[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:groups';
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        downloads.push(this.download);
      });
    await renderPage();

    await userEvent.click(
      screen.getByRole('button', { name: 'Download groups as CSV' }),
    );

    expect(downloads).toEqual(['tls-everywhere-by-owner.csv']);
    const text = new TextDecoder().decode(await blobs[0].arrayBuffer());
    expect(text.split('\r\n')).toEqual([
      'Owner,Targeted,Met',
      ',1,0',
      'group:default/team-a,4,1',
      'group:default/team-b,5,5',
      '',
    ]);
    click.mockRestore();
  });

  it('says what failed', async () => {
    const error = await responseError(404, 'No campaign tls-everywhere');
    const readinessApi = mockReadinessApi({
      getCampaign: () => Promise.reject(error),
    });
    await renderInReadinessTestApp(<CampaignPage name="tls-everywhere" />, {
      readinessApi,
    });

    expect(
      await screen.findByText(/Could not load the campaign tls-everywhere/),
    ).toBeInTheDocument();
  });

  it('names checks and levels by their ids when the scorecard cannot be loaded', async () => {
    const readinessApi = mockReadinessApi({
      getCampaign: async (): Promise<CampaignDetails> => campaignDetails(),
      getScorecard: () => Promise.reject(new Error('down')),
    });
    await renderInReadinessTestApp(<CampaignPage name="tls-everywhere" />, {
      readinessApi,
    });

    expect(await screen.findByText(/Pass tls, on-call/)).toBeInTheDocument();
    expect(rowTexts(section('Entities'))[0]).toBe(
      'paymentsteam-abronzeOpentls',
    );
  });
});
