import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type {
  CheckResult,
  EntityReadiness,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';
import { screen, within } from '@testing-library/react';
import { ReadinessApi, readinessApiRef } from '../../api';
import { EntityReadinessCard } from './EntityReadinessCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', namespace: 'default' },
};

function check(
  id: string,
  fields: Pick<CheckResult, 'level' | 'status' | 'weight'> &
    Partial<CheckResult>,
): CheckResult {
  return {
    id,
    title: `Title of ${id}`,
    category: 'ownership',
    evidence: [],
    remediation: { text: `Remediation of ${id}` },
    ...fields,
  };
}

function scorecard(fields: Partial<ScorecardResult>): ScorecardResult {
  return {
    scorecard: {
      id: 'production-readiness',
      title: 'Production Readiness',
      description: 'Ready for production?',
      levels: [
        { id: 'bronze', title: 'Bronze' },
        { id: 'silver', title: 'Silver' },
        { id: 'gold', title: 'Gold' },
      ],
    },
    entityRef: 'component:default/payments',
    score: 72,
    level: 'bronze',
    nextLevel: 'silver',
    categories: [],
    counts: { pass: 0, fail: 0, unknown: 0, 'not-applicable': 0, waived: 0 },
    checks: [],
    evaluatedAt: new Date(Date.now() - 5 * 60 * 1000).toISOString(),
    ...fields,
  };
}

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
) {
  const api: ReadinessApi = {
    getEntityReadiness: jest.fn(getEntityReadiness),
    refreshEntityReadiness: jest.fn(),
  };
  await renderInTestApp(
    <TestApiProvider apis={[[readinessApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityReadinessCard />
      </EntityProvider>
    </TestApiProvider>,
  );
  return api;
}

const readiness = (scorecards: ScorecardResult[]): EntityReadiness => ({
  entityRef: 'component:default/payments',
  scorecards,
});

describe('EntityReadinessCard', () => {
  it('shows progress while loading', async () => {
    const api = await renderCard(() => new Promise(() => {}));

    expect(
      await screen.findByRole('progressbar', { name: 'Loading' }),
    ).toBeInTheDocument();
    expect(api.getEntityReadiness).toHaveBeenCalledWith(
      'component:default/payments',
    );
  });

  it('names what failed when the backend answers with an error', async () => {
    const error = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'NotFoundError', message: 'Entity not found' },
          request: { method: 'GET', url: '/entities/component/default/x' },
          response: { statusCode: 404 },
        }),
        { status: 404, headers: { 'Content-Type': 'application/json' } },
      ),
    );
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
      within(oncall).getByRole('link', { name: 'How to fix: Title of oncall' }),
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
});
