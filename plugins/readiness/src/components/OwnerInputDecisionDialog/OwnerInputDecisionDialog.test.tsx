import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { responseError } from '../../__testUtils__/fixtures';
import { mockReadinessApi } from '../../__testUtils__/mockReadinessApi';
import { attestation, exemption } from '../../__testUtils__/ownerInputFixtures';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { ReadinessApi } from '../../api';
import { OwnerInputItem, OwnerInputKind } from '../../api/ownerInputCalls';
import { dayOf } from '@readiness/plugin-readiness-common';
import {
  OwnerInputDecisionDialog,
  OwnerInputDialogAction,
} from './OwnerInputDecisionDialog';

async function renderDialog(options: {
  kind?: OwnerInputKind;
  record?: OwnerInputItem;
  action: OwnerInputDialogAction;
  methods?: Partial<ReadinessApi>;
}) {
  const { kind = 'exemption', record = exemption(), action } = options;
  const api = mockReadinessApi(options.methods);
  const onClose = jest.fn();
  const onDecided = jest.fn();
  await renderInReadinessTestApp(
    <OwnerInputDecisionDialog
      kind={kind}
      record={record}
      action={action}
      open
      onClose={onClose}
      onDecided={onDecided}
    />,
    { readinessApi: api },
  );
  return { api, onClose, onDecided, dialog: await screen.findByRole('dialog') };
}

describe('OwnerInputDecisionDialog', () => {
  it('approves an exemption with a comment, keeping its end date', async () => {
    const approved = exemption({ status: 'active' });
    const { api, onDecided, dialog } = await renderDialog({
      action: 'approve',
      methods: { decideExemption: async () => approved },
    });

    expect(
      within(dialog).getByRole('heading', { name: 'Approve the exemption' }),
    ).toBeInTheDocument();
    expect(dialog).toHaveTextContent(
      'Exemption from on-call of production-readiness',
    );
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Comment/ }),
      'Fine until **then**.',
    );
    // The comment is previewed as it will read.
    expect(
      within(
        within(dialog).getByRole('region', { name: 'Preview of Comment' }),
      ).getByText('then').tagName,
    ).toBe('STRONG');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );

    await waitFor(() => expect(onDecided).toHaveBeenCalledWith(approved));
    expect(api.decideExemption).toHaveBeenCalledWith('ex-1', {
      decision: 'approve',
      comment: 'Fine until **then**.',
    });
  });

  it('approves with a shorter end date, within today and the requested one', async () => {
    const { api, onDecided, dialog } = await renderDialog({
      action: 'approve',
      methods: { decideExemption: async () => exemption() },
    });
    const endDate = within(dialog).getByLabelText(/Shorter end date/);
    expect(endDate).toHaveAttribute('min', dayOf(new Date()));
    expect(endDate).toHaveAttribute('max', '2099-06-30');
    expect(dialog).toHaveTextContent(
      'Leave empty to keep the requested end date, 2099-06-30.',
    );

    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Comment/ }),
      'Shorter, please.',
    );
    await userEvent.type(endDate, '2099-07-01');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );
    expect(
      await within(dialog).findByText('Choose 2099-06-30 or earlier.'),
    ).toBeInTheDocument();
    expect(endDate).toHaveAttribute('aria-invalid', 'true');
    expect(api.decideExemption).not.toHaveBeenCalled();

    await userEvent.clear(endDate);
    await userEvent.type(endDate, '2099-03-31');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );

    await waitFor(() => expect(onDecided).toHaveBeenCalled());
    expect(api.decideExemption).toHaveBeenCalledWith('ex-1', {
      decision: 'approve',
      comment: 'Shorter, please.',
      expiresAt: '2099-03-31',
    });
  });

  it('rejects only with a comment', async () => {
    const { api, onDecided, dialog } = await renderDialog({
      action: 'reject',
      methods: {
        decideExemption: async () => exemption({ status: 'rejected' }),
      },
    });
    expect(
      within(dialog).queryByLabelText(/Shorter end date/),
    ).not.toBeInTheDocument();

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reject' }),
    );

    const comment = within(dialog).getByRole('textbox', { name: /Comment/ });
    expect(await within(dialog).findByText('Give a comment.')).toBeVisible();
    expect(comment).toHaveAttribute('aria-invalid', 'true');
    expect(api.decideExemption).not.toHaveBeenCalled();

    await userEvent.type(comment, 'Fix it instead.');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reject' }),
    );

    await waitFor(() => expect(onDecided).toHaveBeenCalled());
    expect(api.decideExemption).toHaveBeenCalledWith('ex-1', {
      decision: 'reject',
      comment: 'Fix it instead.',
    });
  });

  it('shows the progress while the decision is recorded', async () => {
    const { dialog } = await renderDialog({
      action: 'reject',
      methods: { decideExemption: () => new Promise(() => {}) },
    });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Comment/ }),
      'No.',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reject' }),
    );

    await waitFor(() =>
      expect(
        within(dialog).getByRole('button', { name: /Reject/ }),
      ).toHaveAttribute('data-pending', 'true'),
    );
  });

  it.each([
    [403, 'You may not approve your own request.'],
    [409, 'The exemption is no longer pending: it was approved.'],
  ])(
    'shows the backend refusing with %d in its words',
    async (status, message) => {
      const error = await responseError(status, message);
      const { onDecided, dialog } = await renderDialog({
        action: 'approve',
        methods: { decideExemption: () => Promise.reject(error) },
      });
      await userEvent.type(
        within(dialog).getByRole('textbox', { name: /Comment/ }),
        'Fine.',
      );
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Approve' }),
      );

      const alert = await within(dialog).findByRole('alert');
      expect(alert).toHaveTextContent('Could not record the decision');
      expect(alert).toHaveTextContent(message);
      expect(onDecided).not.toHaveBeenCalled();
    },
  );

  it('revokes without a comment', async () => {
    const revoked = exemption({ status: 'revoked' });
    const { api, onDecided, dialog } = await renderDialog({
      action: 'revoke',
      record: exemption({ status: 'active', actions: ['revoke'] }),
      methods: { revokeExemption: async () => revoked },
    });

    expect(
      within(dialog).getByRole('heading', { name: 'Revoke the exemption' }),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Revoke' }),
    );

    await waitFor(() => expect(onDecided).toHaveBeenCalledWith(revoked));
    expect(api.revokeExemption).toHaveBeenCalledWith('ex-1', {});
  });

  it('revokes with a comment', async () => {
    const { api, dialog } = await renderDialog({
      action: 'revoke',
      methods: { revokeExemption: async () => exemption() },
    });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Comment/ }),
      'Fixed early.',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Revoke' }),
    );

    await waitFor(() =>
      expect(api.revokeExemption).toHaveBeenCalledWith('ex-1', {
        comment: 'Fixed early.',
      }),
    );
  });

  it('confirms and revokes attestations through their own calls', async () => {
    const confirmed = attestation({ status: 'active' });
    const { api, onDecided, dialog } = await renderDialog({
      kind: 'attestation',
      record: attestation(),
      action: 'approve',
      methods: { decideAttestation: async () => confirmed },
    });

    expect(
      within(dialog).getByRole('heading', { name: 'Confirm the attestation' }),
    ).toBeInTheDocument();
    expect(dialog).toHaveTextContent(
      'Attestation dr-rehearsed for production-readiness',
    );
    expect(
      within(dialog).queryByLabelText(/Shorter end date/),
    ).not.toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Comment/ }),
      'Saw the report.',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );

    await waitFor(() => expect(onDecided).toHaveBeenCalledWith(confirmed));
    expect(api.decideAttestation).toHaveBeenCalledWith('at-1', {
      decision: 'approve',
      comment: 'Saw the report.',
    });
  });

  it('closes on cancel without a call', async () => {
    const { api, onClose, dialog } = await renderDialog({ action: 'reject' });

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );

    expect(onClose).toHaveBeenCalled();
    expect(api.decideExemption).not.toHaveBeenCalled();
  });

  it('shows nothing while closed', async () => {
    await renderInReadinessTestApp(
      <OwnerInputDecisionDialog
        kind="exemption"
        record={exemption()}
        action="approve"
        open={false}
        onClose={jest.fn()}
        onDecided={jest.fn()}
      />,
      { readinessApi: mockReadinessApi() },
    );

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
