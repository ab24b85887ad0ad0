import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { check } from '../../__testUtils__/fixtures';
import { CheckList } from './CheckList';

describe('CheckList', () => {
  it('lists the first three checks and counts the rest', async () => {
    const checks = ['a', 'b', 'c', 'd', 'e'].map(id =>
      check(id, { level: 'silver', status: 'fail', weight: 1 }),
    );
    await renderInTestApp(<CheckList title="Failing" checks={checks} />);

    const list = screen.getByRole('list', { name: 'Failing' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getByText('and 2 more')).toBeInTheDocument();
  });

  it('renders nothing without checks', async () => {
    await renderInTestApp(<CheckList title="Failing" checks={[]} />);

    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });
});
