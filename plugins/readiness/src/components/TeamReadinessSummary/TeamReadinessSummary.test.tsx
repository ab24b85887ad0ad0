import { screen } from '@testing-library/react';
import { levels } from '../../__testUtils__/fixtures';
import { mockReadinessApi } from '../../__testUtils__/mockReadinessApi';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { teamReadiness } from '../../__testUtils__/teamFixtures';
import { levelTitle } from '../../utils/levels';
import { TeamReadinessSummary } from './TeamReadinessSummary';

/** Names without check titles: checks show by id. */
const names = {
  levels,
  levelTitle: (id: string) => levelTitle(levels, id),
  checkTitle: (id: string) => id,
};

describe('TeamReadinessSummary', () => {
  it('marks an overdue campaign item, unlinked where the readiness page is not mounted', async () => {
    await renderInReadinessTestApp(
      <TeamReadinessSummary
        team={teamReadiness({
          due: [
            {
              campaign: 'tls',
              title: 'TLS everywhere',
              dueAt: '2026-11-20',
              daysLeft: -5,
              open: 1,
              entities: ['component:default/cart'],
              checks: ['tls'],
            },
          ],
          regressions: [
            {
              entityRef: 'component:default/cart',
              scorecard: 'production-readiness',
              changedAt: new Date(Date.now() - 3 * 3600 * 1000).toISOString(),
              levelBefore: 'bronze',
              levelAfter: null,
              cause: 'facts',
            },
          ],
        })}
        names={names}
      />,
      { readinessApi: mockReadinessApi(), mountReadinessPage: false },
    );

    expect(
      await screen.findByText(
        'TLS everywhere, ended 5 days ago: 1 entity — tls',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'TLS everywhere' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /cart/ }).closest('li'),
    ).toHaveTextContent('cart: Bronze → No level, 3 hours ago');
  });

  it('leaves out the lists that are empty and the note on sub-groups for a lone group', async () => {
    await renderInReadinessTestApp(
      <TeamReadinessSummary
        team={teamReadiness({
          groups: ['group:default/team-a'],
          due: [],
          regressions: [],
          averageScore: null,
        })}
        names={names}
      />,
      { readinessApi: mockReadinessApi() },
    );

    expect(
      await screen.findByText('3 entities, average score –'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
    expect(screen.queryByText(/groups? under it/)).not.toBeInTheDocument();
  });
});
