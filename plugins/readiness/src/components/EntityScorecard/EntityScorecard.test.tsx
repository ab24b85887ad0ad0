import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { check, scorecardResult } from '../../__testUtils__/fixtures';
import { checksByCategory } from './checksByCategory';
import { EntityScorecard } from './EntityScorecard';

const result = scorecardResult({
  categories: [
    { id: 'ownership', title: 'Ownership', score: 100 },
    { id: 'security', title: 'Security', score: null },
  ],
  checks: [
    check('owner', { level: 'bronze', status: 'pass', weight: 1 }),
    check('legacy', {
      category: 'retired',
      level: 'bronze',
      status: 'pass',
      weight: 1,
    }),
  ],
});

describe('checksByCategory', () => {
  it('groups the checks in the order of the categories, keeping unknown ones', () => {
    expect(
      checksByCategory(result).map(({ category, checks }) => [
        category.title,
        checks.map(c => c.id),
      ]),
    ).toEqual([
      ['Ownership', ['owner']],
      ['retired', ['legacy']],
    ]);
  });
});

describe('EntityScorecard', () => {
  it('shows the scorecard, its description, categories and history', async () => {
    await renderInTestApp(
      <EntityScorecard result={result} history={{ loading: true }} />,
    );

    expect(
      screen.getByRole('heading', { level: 2, name: 'Production Readiness' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Ready for production?')).toBeInTheDocument();
    expect(
      screen.getAllByRole('heading', { level: 3 }).map(h => h.textContent),
    ).toEqual(['Ownership', 'retired', 'History']);
  });

  it('counts the advisory warnings apart', async () => {
    await renderInTestApp(
      <EntityScorecard
        result={scorecardResult({
          counts: {
            pass: 3,
            fail: 1,
            unknown: 0,
            'not-applicable': 0,
            waived: 0,
          },
          advisoryFailing: 2,
        })}
        history={{ loading: true }}
      />,
    );

    expect(
      screen.getByText(
        '3 passing, 1 failing, 0 unknown, 0 not applicable, 0 waived; 2 advisory warnings',
      ),
    ).toBeInTheDocument();
  });
});
