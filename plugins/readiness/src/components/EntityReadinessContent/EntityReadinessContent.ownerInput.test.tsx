import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readiness, responseError } from '../../__testUtils__/fixtures';
import { exemption } from '../../__testUtils__/ownerInputFixtures';
import { addDays, dayOf } from '@readiness/plugin-readiness-common';
import {
  renderContent,
  result,
  withResult,
} from './__testUtils__/renderContent';

describe('EntityReadinessContent: exemptions and attestations', () => {
  it("lists the entity's exemptions and attestations below the scorecards", async () => {
    const api = await renderContent({
      ...withResult(result),
      listExemptions: async () => ({
        items: [exemption({ status: 'active' })],
      }),
    });

    const section = await screen.findByRole('region', { name: 'Exemptions' });
    expect(
      await within(section).findByText(
        'Exemption from on-call of Production Readiness',
      ),
    ).toBeInTheDocument();
    const heading = screen.getByRole('heading', {
      level: 2,
      name: 'Exemptions and attestations',
    });
    expect(
      screen
        .getByRole('heading', { level: 2, name: 'Production Readiness' })
        .compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(api.listExemptions).toHaveBeenCalledWith({
      entity: 'component:default/payments',
    });
  });

  it('offers no owner action without the permission', async () => {
    const api = await renderContent(withResult(result));

    await screen.findByText('Level: Bronze');
    await waitFor(() =>
      expect(api.getScorecard).toHaveBeenCalledWith('production-readiness'),
    );
    expect(
      screen.queryByRole('button', { name: 'Request exemption' }),
    ).not.toBeInTheDocument();
  });

  it('requests an exemption from a failing check, then lists it', async () => {
    const requested = exemption();
    let listed: ReturnType<typeof exemption>[] = [];
    const api = await renderContent(
      {
        ...withResult(result),
        listExemptions: async () => ({ items: listed }),
        requestExemption: async () => {
          listed = [requested];
          return requested;
        },
      },
      { allowRefresh: true },
    );

    // Offered on the failing and the unknown check, not the passing one.
    const buttons = await screen.findAllByRole('button', {
      name: 'Request exemption',
    });
    expect(buttons).toHaveLength(2);
    await userEvent.click(buttons[0]);
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByRole('checkbox', { name: 'Title of on-call' }),
    ).toBeChecked();
    expect(
      within(dialog).getByRole('checkbox', { name: 'Title of ci' }),
    ).not.toBeChecked();
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Reason/ }),
      'Rotation starts next month.',
    );
    await userEvent.type(
      within(dialog).getByLabelText(/End date/),
      addDays(dayOf(new Date()), 30),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Request exemption' }),
    );

    const pendingList = await screen.findByRole('list', {
      name: 'Pending (1)',
    });
    expect(pendingList).toHaveTextContent(
      'Exemption from on-call of Production Readiness',
    );
    expect(api.requestExemption).toHaveBeenCalledWith({
      entityRef: 'component:default/refreshable',
      scorecard: 'production-readiness',
      checks: ['on-call'],
      reason: 'Rotation starts next month.',
      expiresAt: addDays(dayOf(new Date()), 30),
    });
    // Pending: the results stay as they are.
    expect(api.getEntityReadiness).toHaveBeenCalledTimes(1);
  });

  it('loads the results again after a decision, as the backend re-evaluated', async () => {
    const waived = {
      ...result,
      score: 80,
      level: 'silver',
      checks: result.checks.map(item =>
        item.id === 'on-call'
          ? {
              ...item,
              status: 'waived' as const,
              waiver: {
                source: 'exemption' as const,
                exemptionId: 'ex-1',
                reason: 'Rotation starts next month.',
                expiresAt: '2099-06-30',
                requestedBy: 'user:default/jane',
                approvedBy: 'user:default/ops-lead',
              },
            }
          : item,
      ),
    };
    const api = await renderContent({
      getEntityReadiness: jest
        .fn()
        .mockResolvedValueOnce(readiness([result]))
        .mockResolvedValueOnce(readiness([waived])),
      listExemptions: async () => ({
        items: [exemption({ actions: ['decide'] })],
      }),
      decideExemption: async () => exemption({ status: 'active' }),
    });

    await userEvent.click(
      await screen.findByRole('button', { name: /^Approve:/ }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Comment/ }),
      'Fine.',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );

    expect(await screen.findByText('Level: Silver')).toBeInTheDocument();
    expect(
      screen.getByText('Waived by an exemption until 2099-06-30'),
    ).toBeInTheDocument();
    expect(api.getEntityReadiness).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(api.listExemptions).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(api.getEntityHistory).toHaveBeenCalledTimes(2));
  });

  it('says so when the results cannot be loaded again after a decision', async () => {
    const error = await responseError(500, 'Database is down');
    await renderContent({
      getEntityReadiness: jest
        .fn()
        .mockResolvedValueOnce(readiness([result]))
        .mockRejectedValueOnce(error),
      listExemptions: async () => ({
        items: [exemption({ status: 'active', actions: ['revoke'] })],
      }),
      revokeExemption: async () => exemption({ status: 'revoked' }),
    });

    await userEvent.click(
      await screen.findByRole('button', { name: /^Revoke:/ }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Revoke' }),
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not reload the readiness scores');
    expect(alert).toHaveTextContent('Database is down');
    expect(screen.getByText('Level: Bronze')).toBeInTheDocument();
  });
});
