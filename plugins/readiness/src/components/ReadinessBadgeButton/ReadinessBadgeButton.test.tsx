import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { scorecardResult } from '../../__testUtils__/fixtures';
import { mockReadinessApi } from '../../__testUtils__/mockReadinessApi';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { ReadinessBadgeButton } from './ReadinessBadgeButton';

describe('ReadinessBadgeButton', () => {
  it("opens the scorecard's badge dialog, and closes it", async () => {
    const result = scorecardResult();
    await renderInReadinessTestApp(
      <ReadinessBadgeButton
        entityRef="component:default/payments"
        result={result}
      />,
      { readinessApi: mockReadinessApi() },
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', {
        name: `Badge of ${result.scorecard.title}`,
      }),
    );

    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(
      `Readiness badge: ${result.scorecard.title}`,
    );
    // The test app's config leaves public badges off.
    expect(dialog).toHaveTextContent('readiness.badges.public');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
