import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readiness } from '../../__testUtils__/fixtures';
import { mockReadinessApi } from '../../__testUtils__/mockReadinessApi';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { RefreshReadinessButton } from './RefreshReadinessButton';

describe('RefreshReadinessButton', () => {
  it('is not there for those the policy does not allow', async () => {
    const api = mockReadinessApi();
    await renderInReadinessTestApp(
      <RefreshReadinessButton
        entityRef="component:default/denied"
        onRefreshed={jest.fn()}
      />,
      { readinessApi: api },
    );

    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('refreshes and hands over the new results', async () => {
    const fresh = readiness([]);
    const api = mockReadinessApi({ refreshEntityReadiness: async () => fresh });
    const onRefreshed = jest.fn();
    await renderInReadinessTestApp(
      <RefreshReadinessButton
        entityRef="component:default/allowed"
        onRefreshed={onRefreshed}
      />,
      { readinessApi: api, allowRefresh: true },
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Refresh now' }),
    );

    expect(api.refreshEntityReadiness).toHaveBeenCalledWith(
      'component:default/allowed',
    );
    expect(onRefreshed).toHaveBeenCalledWith(fresh);
  });
});
