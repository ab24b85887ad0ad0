import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { responseError } from '../../__testUtils__/fixtures';
import {
  mockReadinessApi,
  pending,
} from '../../__testUtils__/mockReadinessApi';
import { attestation, exemption } from '../../__testUtils__/ownerInputFixtures';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { ReadinessApi } from '../../api';
import { EntityOwnerInput } from './EntityOwnerInput';

async function renderLists(methods: Partial<ReadinessApi>) {
  const api = mockReadinessApi({
    listExemptions: async () => ({ items: [] }),
    listAttestations: async () => ({ items: [] }),
    ...methods,
  });
  const onChanged = jest.fn();
  await renderInReadinessTestApp(
    <EntityOwnerInput
      entityRef="component:default/payments"
      version={0}
      scorecardTitle={id =>
        id === 'production-readiness' ? 'Production Readiness' : id
      }
      onChanged={onChanged}
    />,
    { readinessApi: api },
  );
  return { api, onChanged };
}

const exemptionsRegion = () =>
  screen.getByRole('region', { name: 'Exemptions' });
const attestationsRegion = () =>
  screen.getByRole('region', { name: 'Attestations' });

describe('EntityOwnerInput', () => {
  it("asks for the entity's exemptions and attestations, and says when there are none", async () => {
    const { api } = await renderLists({});

    expect(
      await screen.findByText(
        'No exemption has been requested for this entity.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No attestation has been given for this entity.'),
    ).toBeInTheDocument();
    expect(api.listExemptions).toHaveBeenCalledWith({
      entity: 'component:default/payments',
    });
    expect(api.listAttestations).toHaveBeenCalledWith({
      entity: 'component:default/payments',
    });
  });

  it('shows progress while loading', async () => {
    await renderLists({ listExemptions: pending });

    expect(
      await within(exemptionsRegion()).findByRole('progressbar', {
        name: 'Loading',
      }),
    ).toBeInTheDocument();
    expect(
      await within(attestationsRegion()).findByText(
        'No attestation has been given for this entity.',
      ),
    ).toBeInTheDocument();
  });

  it('shows what failed, list by list', async () => {
    const error = await responseError(500, 'Database is down');
    await renderLists({ listAttestations: () => Promise.reject(error) });

    expect(
      await within(attestationsRegion()).findByText(
        /Could not load the attestations/,
      ),
    ).toBeInTheDocument();
    expect(
      within(exemptionsRegion()).getByText(
        'No exemption has been requested for this entity.',
      ),
    ).toBeInTheDocument();
  });

  it('groups them by status, what awaits a decision first', async () => {
    await renderLists({
      listExemptions: async () => ({
        items: [
          exemption({ id: 'revoked', status: 'revoked', checks: ['slo'] }),
          exemption({ id: 'rejected', status: 'rejected', checks: ['ci'] }),
          exemption({ id: 'expired', status: 'expired', checks: ['docs'] }),
          exemption({ id: 'active', status: 'active', checks: ['runbook'] }),
          exemption({ id: 'pending', checks: ['on-call', 'alerts'] }),
        ],
      }),
    });

    await screen.findByRole('list', { name: 'Pending (1)' });
    const groups = within(exemptionsRegion()).getAllByRole('list');
    expect(groups.map(group => group.getAttribute('aria-label'))).toEqual([
      'Pending (1)',
      'Active (1)',
      'Expired (1)',
      'Rejected (1)',
      'Revoked (1)',
    ]);
    expect(groups[0]).toHaveTextContent(
      'Exemption from on-call, alerts of Production Readiness',
    );
    expect(groups[1]).toHaveTextContent(
      'Exemption from runbook of Production Readiness',
    );
  });

  it('shows the reason, end date, link, requester and what became of each', async () => {
    await renderLists({
      listExemptions: async () => ({
        items: [
          exemption({
            status: 'active',
            link: 'https://tickets.example.com/OPS-1',
            decidedBy: 'user:default/ops-lead',
            decidedAt: '2026-05-02T10:00:00Z',
            decisionComment: 'Fine for *one* quarter.',
            events: [
              {
                action: 'requested',
                actor: 'user:default/jane',
                at: '2026-05-01T10:00:00Z',
              },
              {
                action: 'approved',
                actor: 'user:default/ops-lead',
                at: '2026-05-02T10:00:00Z',
                comment: 'Fine for *one* quarter.',
              },
            ],
          }),
        ],
      }),
      listAttestations: async () => ({
        items: [
          attestation({
            status: 'expired',
            events: [
              {
                action: 'requested',
                actor: 'user:default/jane',
                at: '2026-05-02T10:00:00Z',
              },
              { action: 'expired', actor: null, at: '2026-11-02T10:00:00Z' },
            ],
          }),
        ],
      }),
    });

    const active = await screen.findByRole('list', { name: 'Active (1)' });
    expect(active).toHaveTextContent('Until 2099-06-30');
    expect(within(active).getByText('next quarter').tagName).toBe('STRONG');
    expect(
      within(active).getByRole('link', {
        name: 'Ticket or evidence (opens in a new window)',
      }),
    ).toHaveAttribute('href', 'https://tickets.example.com/OPS-1');
    expect(active).toHaveTextContent(/Requested by jane/);
    expect(active).toHaveTextContent(/Approved by ops-lead/);
    expect(within(active).getByText('one').tagName).toBe('EM');

    const expired = within(attestationsRegion()).getByRole('list', {
      name: 'Expired (1)',
    });
    expect(expired).toHaveTextContent(
      'Attestation dr-rehearsed for Production Readiness',
    );
    expect(within(expired).getByText('failover').tagName).toBe('STRONG');
    expect(expired).toHaveTextContent(/Expired/);
  });

  it('offers only the actions the backend allows', async () => {
    await renderLists({
      listExemptions: async () => ({
        items: [
          exemption({ id: 'mine', actions: ['revoke'] }),
          exemption({
            id: 'theirs',
            checks: ['ci'],
            actions: ['decide', 'revoke'],
          }),
          exemption({ id: 'done', status: 'rejected', checks: ['slo'] }),
        ],
      }),
    });

    const pendingList = await screen.findByRole('list', {
      name: 'Pending (2)',
    });
    const [mine, theirs] = within(pendingList).getAllByRole('listitem');
    expect(
      within(mine)
        .getAllByRole('button')
        .map(button => button.textContent),
    ).toEqual(['Revoke']);
    expect(
      within(theirs)
        .getAllByRole('button')
        .map(button => button.getAttribute('aria-label')),
    ).toEqual([
      'Approve: Exemption from ci of Production Readiness',
      'Reject: Exemption from ci of Production Readiness',
      'Revoke: Exemption from ci of Production Readiness',
    ]);
    expect(
      within(screen.getByRole('list', { name: 'Rejected (1)' })).queryByRole(
        'button',
      ),
    ).not.toBeInTheDocument();
  });

  it('approves through the decision dialog and tells', async () => {
    const approved = exemption({ status: 'active' });
    const { api, onChanged } = await renderLists({
      listExemptions: async () => ({
        items: [exemption({ actions: ['decide'] })],
      }),
      decideExemption: async () => approved,
    });

    await userEvent.click(
      await screen.findByRole('button', { name: /^Approve:/ }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(
      'Exemption from on-call of Production Readiness',
    );
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Comment/ }),
      'Fine.',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );

    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(approved));
    expect(api.decideExemption).toHaveBeenCalledWith('ex-1', {
      decision: 'approve',
      comment: 'Fine.',
    });
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('rejects and revokes attestations through the same dialog', async () => {
    const { api, onChanged } = await renderLists({
      listAttestations: async () => ({
        items: [attestation({ actions: ['decide', 'revoke'] })],
      }),
      decideAttestation: async () => attestation({ status: 'rejected' }),
      revokeAttestation: async () => attestation({ status: 'revoked' }),
    });

    await userEvent.click(
      await screen.findByRole('button', { name: /^Reject:/ }),
    );
    let dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByRole('heading', { name: 'Reject the attestation' }),
    ).toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Comment/ }),
      'No evidence.',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reject' }),
    );
    await waitFor(() =>
      expect(api.decideAttestation).toHaveBeenCalledWith('at-1', {
        decision: 'reject',
        comment: 'No evidence.',
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );

    await userEvent.click(screen.getByRole('button', { name: /^Revoke:/ }));
    dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Revoke' }),
    );
    await waitFor(() =>
      expect(api.revokeAttestation).toHaveBeenCalledWith('at-1', {}),
    );
    expect(onChanged).toHaveBeenCalledTimes(2);
  });

  it("shows the backend's refusal in the dialog and keeps it open", async () => {
    const error = await responseError(
      409,
      'The exemption is no longer pending: it was rejected.',
    );
    const { onChanged } = await renderLists({
      listExemptions: async () => ({
        items: [exemption({ actions: ['decide'] })],
      }),
      decideExemption: () => Promise.reject(error),
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

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The exemption is no longer pending: it was rejected.',
    );
    expect(onChanged).not.toHaveBeenCalled();
  });
});
