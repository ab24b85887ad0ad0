import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { campaignSummary } from '../../__testUtils__/campaignFixtures';
import { cellInColumn } from '../../__testUtils__/cellInColumn';
import { responseError, scorecardOverview } from '../../__testUtils__/fixtures';
import { mockReadinessApi } from '../../__testUtils__/mockReadinessApi';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { ReadinessApi } from '../../api';
import { CampaignsPage } from './CampaignsPage';

async function renderPage(
  getCampaigns: ReadinessApi['getCampaigns'],
  getScorecards: ReadinessApi['getScorecards'] = async () => ({
    items: [scorecardOverview()],
    problems: [],
  }),
) {
  const readinessApi = mockReadinessApi({ getCampaigns, getScorecards });
  await renderInReadinessTestApp(<CampaignsPage />, { readinessApi });
  return readinessApi;
}

const rowOf = (title: string) =>
  screen.getByRole('rowheader', { name: new RegExp(title) }).closest('tr')!;

describe('CampaignsPage', () => {
  it('lists the campaigns with goal, owner, progress, time left and regressions', async () => {
    await renderPage(async () => ({
      items: [
        campaignSummary(),
        campaignSummary({
          id: 'silver-for-all',
          title: 'Silver for all',
          goal: { level: 'silver' },
          owner: undefined,
          phase: 'ended',
          daysLeft: -5,
          targeted: 0,
          met: 0,
          share: null,
          regressed: 0,
        }),
        campaignSummary({
          id: 'on-call',
          title: 'On-call',
          phase: 'scheduled',
          startsAt: '2027-04-01',
          dueAt: '2027-04-30',
          daysLeft: 32,
        }),
      ],
      problems: [],
    }));

    const table = await screen.findByRole('grid');
    const header = within(table).getAllByRole('row')[0];
    const tls = rowOf('TLS everywhere');
    expect(
      within(tls).getByRole('link', { name: 'TLS everywhere' }),
    ).toHaveAttribute('href', '/readiness/campaigns/tls-everywhere');
    expect(cellInColumn(header, tls, /Scorecard/)).toHaveTextContent(
      'Production Readiness',
    );
    expect(cellInColumn(header, tls, /Goal/)).toHaveTextContent(
      'Pass 2 checks',
    );
    expect(cellInColumn(header, tls, /Owner/)).toHaveTextContent(
      'team-security',
    );
    expect(
      within(tls).getByRole('meter', { name: 'Progress of TLS everywhere' }),
    ).toHaveAttribute('aria-valuetext', '7 of 10 (70 %)');
    expect(cellInColumn(header, tls, /Time/)).toHaveTextContent(
      'Runningdue in 12 days',
    );
    expect(cellInColumn(header, tls, /Regressed/)).toHaveTextContent('1');

    const silver = rowOf('Silver for all');
    expect(cellInColumn(header, silver, /Goal/)).toHaveTextContent(
      'Reach Silver',
    );
    expect(cellInColumn(header, silver, /Progress/)).toHaveTextContent(
      '0 of 0',
    );
    expect(cellInColumn(header, silver, /Time/)).toHaveTextContent(
      'Endedended 5 days ago',
    );
    expect(cellInColumn(header, rowOf('On-call'), /Time/)).toHaveTextContent(
      'Scheduledstarts in 3 days',
    );
  });

  it('shows the ids of scorecards and levels when the scorecards cannot be loaded', async () => {
    await renderPage(
      async () => ({
        items: [campaignSummary({ goal: { level: 'silver' } })],
        problems: [],
      }),
      () => Promise.reject(new Error('down')),
    );

    const table = await screen.findByRole('grid');
    const header = within(table).getAllByRole('row')[0];
    const row = rowOf('TLS everywhere');
    expect(cellInColumn(header, row, /Scorecard/)).toHaveTextContent(
      'production-readiness',
    );
    expect(cellInColumn(header, row, /Goal/)).toHaveTextContent('Reach silver');
  });

  it('shows the campaign definitions that were kept out', async () => {
    await renderPage(async () => ({
      items: [],
      problems: [
        {
          source: 'campaigns/bad.yaml',
          line: 3,
          column: 1,
          path: 'spec.dueAt',
          message: 'dueAt is before startsAt',
        },
      ],
    }));

    expect(
      await screen.findByText('1 campaign definition was kept out'),
    ).toBeInTheDocument();
    expect(screen.getByText(/dueAt is before startsAt/)).toBeInTheDocument();
    expect(screen.getByText('No campaign is configured.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /CSV/ })).toBeNull();
  });

  it('says what failed', async () => {
    const error = await responseError(500, 'Database is down');
    await renderPage(() => Promise.reject(error));

    expect(
      await screen.findByText(/Could not load the campaigns/),
    ).toBeInTheDocument();
  });

  it('exports the campaigns as CSV', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:campaigns';
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    await renderPage(async () => ({
      items: [campaignSummary()],
      problems: [],
    }));

    await userEvent.click(
      await screen.findByRole('button', { name: 'Download campaigns as CSV' }),
    );

    expect(click).toHaveBeenCalledTimes(1);
    const text = new TextDecoder().decode(await blobs[0].arrayBuffer());
    expect(text.split('\r\n').slice(0, 2)).toEqual([
      'id,Campaign,Scorecard,Goal,Owner,Starts,Due,Phase,Days left,Targeted,Met,Regressed',
      'tls-everywhere,TLS everywhere,Production Readiness,Pass 2 checks,group:default/team-security,2027-03-01,2027-03-31,Running,12,10,7,1',
    ]);
    click.mockRestore();
  });
});
