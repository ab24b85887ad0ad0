import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { check, levels } from '../../__testUtils__/fixtures';
import { CategoryChecks } from './CategoryChecks';

const checks = [
  check('owner', { level: 'bronze', status: 'pass', weight: 1 }),
  check('runbook', { level: 'silver', status: 'fail', weight: 1 }),
];

describe('CategoryChecks', () => {
  it('shows the category score and each of its checks', async () => {
    await renderInTestApp(
      <CategoryChecks
        category={{ id: 'ownership', title: 'Ownership', score: 66.6 }}
        checks={checks}
        levels={levels}
      />,
    );

    const region = screen.getByRole('region', { name: 'Ownership' });
    expect(
      within(region).getByRole('heading', { level: 3, name: 'Ownership' }),
    ).toBeInTheDocument();
    expect(within(region).getByText('67 / 100')).toBeInTheDocument();
    expect(
      within(region).getByRole('meter', { name: 'Ownership score' }),
    ).toHaveAttribute('aria-valuenow', '66.6');
    expect(within(region).getAllByRole('heading', { level: 4 })).toHaveLength(
      2,
    );
  });

  it('says when no check of the category is scored', async () => {
    await renderInTestApp(
      <CategoryChecks
        category={{ id: 'ai', title: 'AI/ML', score: null }}
        checks={[
          check('evals', {
            level: 'gold',
            status: 'not-applicable',
            weight: 1,
          }),
        ]}
        levels={levels}
      />,
    );

    expect(screen.getByText('Not scored')).toBeInTheDocument();
    expect(screen.queryByRole('meter')).not.toBeInTheDocument();
  });
});
