import { addDays, dayOf } from '@readiness/plugin-readiness-common';
import { screen, within } from '@testing-library/react';
import {
  check,
  entity,
  minutesAgo,
  readiness,
  responseError,
  scorecardResult as scorecard,
} from '../../__testUtils__/fixtures';
import {
  mockReadinessApi,
  pending,
} from '../../__testUtils__/mockReadinessApi';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { ReadinessApi } from '../../api';
import { EntityReadinessCard } from './EntityReadinessCard';

const mixedChecks = [
  check('owner', { level: 'bronze', status: 'pass', weight: 3 }),
  check('runbook', { level: 'silver', status: 'fail', weight: 1 }),
  check('oncall', {
    level: 'silver',
    status: 'fail',
    weight: 3,
    remediation: {
      text: 'Add the `pagerduty.com/service-id` annotation.',
      docsUrl: 'https://docs.example.com/oncall',
    },
  }),
  check('ci', {
    level: 'silver',
    status: 'unknown',
    weight: 2,
    reason: 'No CI facts have been collected yet.',
  }),
  check('techdocs', { level: 'gold', status: 'fail', weight: 5 }),
  check('slo', { level: 'gold', status: 'fail', weight: 2 }),
  check('dashboards', { level: 'gold', status: 'not-applicable', weight: 1 }),
];

async function renderCard(
  getEntityReadiness: ReadinessApi['getEntityReadiness'],
  options: { mountReadinessPage?: boolean } = {},
) {
  const api = mockReadinessApi({ getEntityReadiness });
  await renderInReadinessTestApp(<EntityReadinessCard />, {
    readinessApi: api,
    entity: entity(),
    mountReadinessPage: options.mountReadinessPage ?? false,
  });
  return api;
}

describe('EntityReadinessCard', () => {
  it('shows progress while loading', async () => {
    const api = await renderCard(pending);

    expect(
      await screen.findByRole('progressbar', { name: 'Loading' }),
    ).toBeInTheDocument();
    expect(api.getEntityReadiness).toHaveBeenCalledWith(
      'component:default/payments',
    );
  });

  it('names what failed when the backend answers with an error', async () => {
    const error = await responseError(404, 'Entity not found');
    await renderCard(async () => Promise.reject(error));

    expect(
      await screen.findByText(
        /Could not load readiness scores for component:default\/payments/,
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/Entity not found/).length).toBeGreaterThan(0);
  });

  it('says so when no scorecard applies to the entity', async () => {
    await renderCard(async () => readiness([]));

    expect(
      await screen.findByText(/No readiness scorecard applies to this entity/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('meter')).not.toBeInTheDocument();
  });

  it('shows score, level, what the next level needs and what to fix', async () => {
    await renderCard(async () =>
      readiness([scorecard({ checks: mixedChecks })]),
    );

    expect(
      await screen.findByRole('heading', {
        level: 3,
        name: 'Production Readiness',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('72 / 100')).toBeInTheDocument();
    expect(
      screen.getByRole('meter', { name: 'Production Readiness score' }),
    ).toHaveAttribute('aria-valuetext', '72 / 100');
    expect(screen.getByText('Level: Bronze')).toBeInTheDocument();
    expect(
      screen.getByText('To reach Silver, 3 checks are not passing yet:'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Evaluated/)).toHaveTextContent(
      'Evaluated 5 minutes ago',
    );
  });

  it('names at most 5 of the checks the next level needs', async () => {
    const gaps = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(id =>
      check(id, { level: 'silver', status: 'fail', weight: 1 }),
    );
    await renderCard(async () => readiness([scorecard({ checks: gaps })]));

    expect(
      await screen.findByText('To reach Silver, 7 checks are not passing yet:'),
    ).toBeInTheDocument();
    expect(screen.getByText('and 2 more')).toBeInTheDocument();
  });

  it('lists the top 3 failing checks, next level first, then by weight', async () => {
    await renderCard(async () =>
      readiness([scorecard({ checks: mixedChecks })]),
    );

    const failing = await screen.findByRole('list', {
      name: 'Top failing checks',
    });
    const items = within(failing).getAllByRole('listitem');
    expect(items.map(item => item.textContent)).toEqual([
      expect.stringContaining('Title of oncall'),
      expect.stringContaining('Title of runbook'),
      expect.stringContaining('Title of techdocs'),
    ]);
    expect(screen.getByText('and 1 more')).toBeInTheDocument();

    const oncall = items[0];
    expect(within(oncall).getByText('Failing')).toBeInTheDocument();
    expect(within(oncall).getByText(/Add the/)).toHaveTextContent(
      'Add the pagerduty.com/service-id annotation.',
    );
    expect(
      within(oncall).getByRole('link', {
        name: 'How to fix: Title of oncall (opens in a new window)',
      }),
    ).toHaveAttribute('href', 'https://docs.example.com/oncall');
  });

  it('labels unknown checks differently from failures and shows why', async () => {
    await renderCard(async () =>
      readiness([scorecard({ checks: mixedChecks })]),
    );

    const unknown = await screen.findByRole('list', {
      name: 'Could not be determined',
    });
    const [ci] = within(unknown).getAllByRole('listitem');
    expect(within(ci).getByText('Title of ci')).toBeInTheDocument();
    expect(within(ci).getByText('Unknown')).toBeInTheDocument();
    expect(within(ci).queryByText('Failing')).not.toBeInTheDocument();
    expect(
      within(ci).getByText('No CI facts have been collected yet.'),
    ).toBeInTheDocument();
    expect(within(ci).queryByText(/Remediation of ci/)).not.toBeInTheDocument();

    const failing = screen.getByRole('list', { name: 'Top failing checks' });
    expect(within(failing).queryByText('Title of ci')).not.toBeInTheDocument();
  });

  it('shows when no level is reached yet and when the top level is', async () => {
    await renderCard(async () =>
      readiness([
        scorecard({ level: null, nextLevel: 'bronze', score: 10 }),
        scorecard({
          scorecard: {
            id: 'security',
            title: 'Security',
            description: 'Secure?',
            levels: [{ id: 'basic', title: 'Basic' }],
          },
          level: 'basic',
          nextLevel: null,
          score: 100,
        }),
      ]),
    );

    expect(await screen.findByText('No level yet')).toBeInTheDocument();
    expect(screen.getByText('Level: Basic')).toBeInTheDocument();
    expect(screen.getByText('Highest level reached.')).toBeInTheDocument();
    expect(
      screen.getByRole('meter', { name: 'Security score' }),
    ).toHaveAttribute('aria-valuenow', '100');
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('says how fresh the facts are: the oldest one the result rests on', async () => {
    const observed = (minutes: number) => ({
      fact: 'catalog.owner',
      value: 'team-a',
      source: 'catalog',
      observedAt: minutesAgo(minutes),
    });
    await renderCard(async () =>
      readiness([
        scorecard({
          evaluatedAt: minutesAgo(5),
          checks: [
            check('owner', {
              level: 'bronze',
              status: 'pass',
              weight: 1,
              evidence: [observed(10)],
            }),
            check('system', {
              level: 'bronze',
              status: 'pass',
              weight: 1,
              evidence: [observed(3 * 60)],
            }),
          ],
        }),
      ]),
    );

    expect(await screen.findByText(/Evaluated/)).toHaveTextContent(
      'Evaluated 5 minutes ago · oldest fact observed 3 hours ago',
    );
  });

  it('links the scorecard to its page when the app mounts the readiness page', async () => {
    await renderCard(async () => readiness([scorecard({})]), {
      mountReadinessPage: true,
    });

    expect(
      await screen.findByRole('link', { name: 'Production Readiness' }),
    ).toHaveAttribute('href', '/readiness?scorecard=production-readiness');
  });

  it('names the scorecard without a link when the app has no readiness page', async () => {
    await renderCard(async () => readiness([scorecard({})]));

    expect(
      await screen.findByRole('heading', { name: 'Production Readiness' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Production Readiness' }),
    ).not.toBeInTheDocument();
  });

  it('shows the open campaign items above the scores', async () => {
    const today = dayOf(new Date());
    await renderCard(
      async () =>
        readiness([
          scorecard({
            checks: mixedChecks,
            campaigns: [
              {
                campaign: 'on-call-everywhere',
                title: 'On-call everywhere',
                startsAt: addDays(today, -3),
                dueAt: addDays(today, 12),
                met: false,
                openChecks: ['oncall'],
              },
            ],
          }),
        ]),
      { mountReadinessPage: true },
    );

    const campaigns = await screen.findByRole('region', { name: 'Campaigns' });
    expect(campaigns).toHaveTextContent(
      'On-call everywhere, due in 12 days: Title of oncall',
    );
    expect(
      within(campaigns).getByRole('link', { name: 'On-call everywhere' }),
    ).toHaveAttribute('href', '/readiness/campaigns/on-call-everywhere');
    // Above the scores.
    expect(
      campaigns.compareDocumentPosition(
        screen.getByRole('heading', { name: 'Production Readiness' }),
      ) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });
});
