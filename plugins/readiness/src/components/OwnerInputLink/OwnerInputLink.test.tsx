import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { OwnerInputLink } from './OwnerInputLink';

// eslint-disable-next-line no-script-url -- a script URL is what must be refused
const SCRIPT_URL = 'javascript:alert(1)';

describe('OwnerInputLink', () => {
  it('links a ticket in a new window, and drops unsafe addresses', async () => {
    await renderInTestApp(
      <>
        <OwnerInputLink href="https://tickets.example.com/OPS-1" />
        <OwnerInputLink href={SCRIPT_URL} />
        <OwnerInputLink />
      </>,
    );

    const links = screen.getAllByRole('link');
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAccessibleName(
      'Ticket or evidence (opens in a new window)',
    );
    expect(links[0]).toHaveAttribute('target', '_blank');
  });
});
