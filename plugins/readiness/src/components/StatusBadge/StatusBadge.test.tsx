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

  it('shows an advisory check that does not pass as a warning, with its date', async () => {
    await renderInTestApp(
      <>
        <StatusBadge status="fail" advisory={{ enforcedFrom: '2027-04-01' }} />
        <StatusBadge status="unknown" advisory={{}} />
        <StatusBadge status="pass" advisory={{}} />
      </>,
    );

    expect(
      screen.getByText('Advisory — enforced from 2027-04-01'),
    ).toBeInTheDocument();
    expect(screen.getByText('Advisory')).toBeInTheDocument();
    expect(screen.getByText('Passing')).toBeInTheDocument();
    expect(screen.queryByText('Failing')).toBeNull();
    expect(screen.queryByText('Unknown')).toBeNull();
  });
});
