import type { ScorecardDefinition } from '@readiness/plugin-readiness-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { responseError, scorecardDetails } from '../../__testUtils__/fixtures';
import { mockReadinessApi } from '../../__testUtils__/mockReadinessApi';
import { attestation } from '../../__testUtils__/ownerInputFixtures';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { ReadinessApi } from '../../api';
import { AttestDialog } from './AttestDialog';

async function renderDialog(
  methods: Partial<ReadinessApi> = {},
  options: { requireConfirmation?: boolean; maxAge?: string } = {},
) {
  const definition: ScorecardDefinition = {
    ...scorecardDetails().definition,
    ...(options.requireConfirmation !== undefined
      ? {
          attestations: { requireConfirmation: options.requireConfirmation },
        }
      : {}),
  };
  const api = mockReadinessApi(methods);
  const onClose = jest.fn();
  const onAttested = jest.fn();
  await renderInReadinessTestApp(
    <AttestDialog
      entityRef="component:default/payments"
      definition={definition}
      attestation={{ attestation: 'dr-rehearsed', maxAge: options.maxAge }}
      checkTitle="Disaster recovery is rehearsed"
      open
      onClose={onClose}
      onAttested={onAttested}
    />,
    { readinessApi: api },
  );
  const dialog = await screen.findByRole('dialog');
  return { api, onClose, onAttested, dialog };
}

const submit = (dialog: HTMLElement) =>
  userEvent.click(within(dialog).getByRole('button', { name: 'Attest' }));

describe('AttestDialog', () => {
  it('says an approver must confirm, and for how long it counts', async () => {
    const { dialog } = await renderDialog(
      {},
      { requireConfirmation: true, maxAge: '180d' },
    );

    expect(
      within(dialog).getByRole('heading', { name: 'Attest: dr-rehearsed' }),
    ).toBeInTheDocument();
    expect(dialog).toHaveTextContent(
      'Attest that dr-rehearsed took place, for Disaster recovery is rehearsed. The attestation counts for 180d. An approver of the scorecard must confirm it before it counts.',
    );
  });

  it('says it counts at once when the scorecard asks no confirmation', async () => {
    const { dialog } = await renderDialog();

    expect(dialog).toHaveTextContent('It counts as soon as you give it.');
    expect(dialog).not.toHaveTextContent('The attestation counts for');
  });

  it('needs a statement and an http(s) link, and sends nothing without', async () => {
    const { api, dialog } = await renderDialog();
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Evidence link/ }),
      'file:///etc/passwd',
    );

    await submit(dialog);

    expect(within(dialog).getByText('Give the statement.')).toBeVisible();
    expect(
      within(dialog).getByText(
        'Enter an address that starts with http:// or https://.',
      ),
    ).toBeVisible();
    expect(api.attest).not.toHaveBeenCalled();
  });

  it('attests with the statement and the link, and hands it over', async () => {
    const given = attestation({ status: 'active' });
    const { api, onAttested, dialog } = await renderDialog({
      attest: async () => given,
    });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Statement/ }),
      'Failover rehearsed on **2 May**.',
    );
    expect(
      within(
        within(dialog).getByRole('region', { name: 'Preview of Statement' }),
      ).getByText('2 May').tagName,
    ).toBe('STRONG');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Evidence link/ }),
      'https://wiki.example.com/dr-2026',
    );

    await submit(dialog);

    await waitFor(() => expect(onAttested).toHaveBeenCalledWith(given));
    expect(api.attest).toHaveBeenCalledWith({
      entityRef: 'component:default/payments',
      scorecard: 'production-readiness',
      attestation: 'dr-rehearsed',
      statement: 'Failover rehearsed on **2 May**.',
      link: 'https://wiki.example.com/dr-2026',
    });
  });

  it('shows the progress while it is sent', async () => {
    const { dialog } = await renderDialog({
      attest: () => new Promise(() => {}),
    });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Statement/ }),
      'Done.',
    );

    await submit(dialog);

    await waitFor(() =>
      expect(
        within(dialog).getByRole('button', { name: /Attest/ }),
      ).toHaveAttribute('data-pending', 'true'),
    );
  });

  it("shows the backend's refusal in its words", async () => {
    const error = await responseError(
      400,
      'attestation: no check of production-readiness accepts dr-rehearsed',
    );
    const { onAttested, dialog } = await renderDialog({
      attest: () => Promise.reject(error),
    });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Statement/ }),
      'Done.',
    );

    await submit(dialog);

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Could not give the attestation');
    expect(alert).toHaveTextContent('no check of production-readiness accepts');
    expect(onAttested).not.toHaveBeenCalled();
  });
});
