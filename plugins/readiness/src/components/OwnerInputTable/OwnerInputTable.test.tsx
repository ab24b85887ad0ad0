import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { cellInColumn } from '../../__testUtils__/cellInColumn';
import { responseError } from '../../__testUtils__/fixtures';
import {
  mockReadinessApi,
  pending,
} from '../../__testUtils__/mockReadinessApi';
import { attestation, exemption } from '../../__testUtils__/ownerInputFixtures';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { ReadinessApi } from '../../api';
import { OwnerInputKind } from '../../api/ownerInputCalls';
import { OWNER_INPUT_LIMIT, OwnerInputTable } from './OwnerInputTable';

const titles: Record<string, string> = {
  'production-readiness': 'Production Readiness',
};

async function renderTable(
  methods: Partial<ReadinessApi>,
  kind: OwnerInputKind = 'exemption',
) {
  const api = mockReadinessApi(methods);
  await renderInReadinessTestApp(
    <OwnerInputTable
      kind={kind}
      query={{ status: 'pending', owner: 'group:default/team-a' }}
      scorecardTitle={id => titles[id] ?? id}
    />,
    { readinessApi: api },
  );
  return api;
}

/** The header row and the body rows of the only table. */
async function tableRows() {
  const [header, ...rows] = await screen.findAllByRole('row');
  return { header, rows };
}

describe('OwnerInputTable', () => {
  it('shows placeholder rows while loading', async () => {
    await renderTable({ listExemptions: pending });

    expect(await screen.findByRole('grid')).toHaveAttribute(
      'data-ispending',
      'true',
    );
  });

  it('asks for the newest ones with the query and says when there are none', async () => {
    const api = await renderTable({
      listExemptions: async () => ({ items: [] }),
    });

    expect(
      await screen.findByText('No exemption matches these filters.'),
    ).toBeInTheDocument();
    expect(api.listExemptions).toHaveBeenCalledWith({
      status: 'pending',
      owner: 'group:default/team-a',
      limit: OWNER_INPUT_LIMIT,
    });
  });

  it('shows the backend’s error', async () => {
    const error = await responseError(400, 'owner is not an entity ref');
    await renderTable({ listExemptions: () => Promise.reject(error) });

    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Could not load the exemptions.*owner is not an entity ref/,
    );
  });

  it('shows an exemption: entity, scorecard, checks, safe reason, requester, status, end and decision', async () => {
    await renderTable({
      listExemptions: async () => ({
        items: [
          exemption({
            status: 'active',
            checks: ['on-call', 'runbook'],
            reason: 'Starts **next quarter**. <script>alert(1)</script>',
            link: 'https://tickets.example.com/OPS-1',
            events: [
              {
                action: 'requested',
                actor: 'user:default/jane',
                at: '2026-05-01T10:00:00Z',
              },
              {
                action: 'approved',
                actor: 'user:default/sam',
                at: '2026-05-02T10:00:00Z',
                comment: 'Accepted for *one* quarter.',
              },
            ],
          }),
        ],
      }),
    });

    const { header, rows } = await tableRows();
    const [row] = rows;
    const cell = (column: RegExp) => cellInColumn(header, row, column);
    expect(
      within(cell(/Entity/)).getByRole('link', { name: /payments/ }),
    ).toBeInTheDocument();
    expect(cell(/Scorecard/)).toHaveTextContent('Production Readiness');
    expect(cell(/Checks/)).toHaveTextContent('on-call, runbook');
    const reason = cell(/Reason/);
    expect(within(reason).getByText('next quarter').tagName).toBe('STRONG');
    expect(reason.querySelector('script')).toBeNull();
    expect(
      within(reason).getByRole('link', { name: /Ticket or evidence/ }),
    ).toHaveAttribute('href', 'https://tickets.example.com/OPS-1');
    expect(cell(/Requested by/)).toHaveTextContent('jane');
    expect(cell(/Status/)).toHaveTextContent('Active');
    expect(cell(/Last day/)).toHaveTextContent('2099-06-30');
    const decision = cell(/Decision/);
    expect(decision).toHaveTextContent(/Approved by sam/);
    expect(within(decision).getByText('one').tagName).toBe('EM');
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
  });

  it('offers approve and reject to approvers, revoke to those who may', async () => {
    await renderTable({
      listExemptions: async () => ({
        items: [
          exemption({ id: 'a', actions: ['decide', 'revoke'] }),
          exemption({
            id: 'b',
            entityRef: 'component:default/checkout',
            status: 'active',
            actions: ['revoke'],
          }),
          exemption({ id: 'c', entityRef: 'component:default/search' }),
        ],
      }),
    });

    const { rows } = await tableRows();
    const names = (row: HTMLElement) =>
      within(row)
        .queryAllByRole('button')
        .map(button => button.textContent);
    expect(names(rows[0])).toEqual(['Approve', 'Reject', 'Revoke']);
    expect(names(rows[1])).toEqual(['Revoke']);
    expect(names(rows[2])).toEqual([]);
    expect(
      within(rows[0]).getByRole('button', {
        name: 'Approve: Exemption from on-call of Production Readiness, payments',
      }),
    ).toBeInTheDocument();
    expect(within(rows[2]).getByText('Not decided yet')).toBeInTheDocument();
    // Active without a decision: counts without confirmation.
    expect(
      within(rows[1]).getByText('Counts without confirmation'),
    ).toBeInTheDocument();
  });

  it('records an approval and loads the list again', async () => {
    const listExemptions = jest
      .fn()
      .mockResolvedValueOnce({ items: [exemption({ actions: ['decide'] })] })
      .mockResolvedValueOnce({ items: [exemption({ status: 'active' })] });
    const api = await renderTable({
      listExemptions,
      decideExemption: async () => exemption({ status: 'active' }),
    });

    await userEvent.click(
      await screen.findByRole('button', { name: /^Approve:/ }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Comment/ }),
      'Fine for a quarter.',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.decideExemption).toHaveBeenCalledWith('ex-1', {
      decision: 'approve',
      comment: 'Fine for a quarter.',
    });
    const { header, rows } = await tableRows();
    await waitFor(() =>
      expect(cellInColumn(header, rows[0], /Status/)).toHaveTextContent(
        'Active',
      ),
    );
    expect(listExemptions).toHaveBeenCalledTimes(2);
  });

  it('shows the backend’s message when another approver decided first', async () => {
    const conflict = await responseError(
      409,
      'The exemption ex-1 is no longer pending',
    );
    const api = await renderTable({
      listExemptions: async () => ({
        items: [exemption({ actions: ['decide'] })],
      }),
      decideExemption: () => Promise.reject(conflict),
    });

    await userEvent.click(
      await screen.findByRole('button', { name: /^Reject:/ }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Comment/ }),
      'Fix it instead.',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reject' }),
    );

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The exemption ex-1 is no longer pending',
    );
    expect(api.listExemptions).toHaveBeenCalledTimes(1);
  });

  it('lists attestations with their practice and statement, and revokes one', async () => {
    const api = await renderTable(
      {
        listAttestations: async () => ({
          items: [attestation({ status: 'active', actions: ['revoke'] })],
        }),
        revokeAttestation: async () => attestation({ status: 'revoked' }),
      },
      'attestation',
    );

    const { header, rows } = await tableRows();
    expect(cellInColumn(header, rows[0], /Practice/)).toHaveTextContent(
      'dr-rehearsed',
    );
    expect(cellInColumn(header, rows[0], /Statement/)).toHaveTextContent(
      'We rehearsed the failover on 2 May.',
    );
    expect(cellInColumn(header, rows[0], /Attested by/)).toHaveTextContent(
      'jane',
    );
    expect(
      within(header).queryByRole('columnheader', { name: /Last day/ }),
    ).not.toBeInTheDocument();

    await userEvent.click(
      within(rows[0]).getByRole('button', { name: /Revoke/ }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Revoke' }),
    );

    await waitFor(() =>
      expect(api.revokeAttestation).toHaveBeenCalledWith('at-1', {}),
    );
    await waitFor(() => expect(api.listAttestations).toHaveBeenCalledTimes(2));
  });

  it('says when only the newest are shown', async () => {
    await renderTable({
      listExemptions: async () => ({
        items: Array.from({ length: OWNER_INPUT_LIMIT }, (_, index) =>
          exemption({ id: `ex-${index}` }),
        ),
      }),
    });

    expect(
      await screen.findByText(
        'Showing the newest 100; narrow the filters to see the others.',
      ),
    ).toBeInTheDocument();
  });
});
