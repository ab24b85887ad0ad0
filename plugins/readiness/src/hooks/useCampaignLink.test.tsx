import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { rootRouteRef } from '../routes';
import { useCampaignLink } from './useCampaignLink';

function LinkText(props: { name: string }) {
  const link = useCampaignLink()(props.name, { status: 'met' });
  return <span>{link ?? 'no link'}</span>;
}

describe('useCampaignLink', () => {
  it('links to a campaign below the readiness page, with a view', async () => {
    await renderInTestApp(<LinkText name="tls-everywhere" />, {
      mountedRoutes: { '/scores': rootRouteRef },
    });

    expect(
      screen.getByText('/scores/campaigns/tls-everywhere?status=met'),
    ).toBeInTheDocument();
  });

  it('gives no link when the app does not mount the page', async () => {
    await renderInTestApp(<LinkText name="tls" />);

    expect(screen.getByText('no link')).toBeInTheDocument();
  });
});
