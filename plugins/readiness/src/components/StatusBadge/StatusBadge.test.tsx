import { renderInTestApp } from '@backstage/test-utils';
import type { CheckStatus } from '@readiness/plugin-readiness-common';
import { screen } from '@testing-library/react';
import { StatusBadge } from './StatusBadge';

describe('StatusBadge', () => {
  it.each<[CheckStatus, string]>([
    ['pass', 'Passing'],
    ['fail', 'Failing'],
    ['unknown', 'Unknown'],
    ['not-applicable', 'Not applicable'],
    ['waived', 'Waived'],
  ])('says %s in words: %s', async (status, label) => {
    await renderInTestApp(<StatusBadge status={status} />);

    expect(screen.getByText(label)).toBeInTheDocument();
  });
});
