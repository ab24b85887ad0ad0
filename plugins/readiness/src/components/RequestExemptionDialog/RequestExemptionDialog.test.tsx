import type { ScorecardDefinition } from '@readiness/plugin-readiness-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  check,
  responseError,
  scorecardDetails,
  scorecardResult,
} from '../../__testUtils__/fixtures';
import { mockReadinessApi } from '../../__testUtils__/mockReadinessApi';
import { exemption } from '../../__testUtils__/ownerInputFixtures';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { ReadinessApi } from '../../api';
import { addDays, dayOf } from '@readiness/plugin-readiness-common';
import { RequestExemptionDialog } from './RequestExemptionDialog';

// eslint-disable-next-line no-script-url -- a script URL is what must be refused
const SCRIPT_URL = 'javascript:alert(1)';

const result = scorecardResult({
  checks: [
    check('on-call', { level: 'silver', status: 'fail', weight: 5 }),
    check('ci', { level: 'silver', status: 'unknown', weight: 2 }),
    check('owner-set', { level: 'bronze', status: 'pass', weight: 3 }),
    check('security-review', { level: 'gold', status: 'fail', weight: 5 }),
  ],
});

const definition = (
  fields: Partial<ScorecardDefinition> = {},
): ScorecardDefinition => ({
  ...scorecardDetails().definition,
  checks: [
    {
      id: 'security-review',
      title: 'Title of security-review',
      category: 'ownership',
      level: 'gold',
      weight: 5,
      condition: { fact: 'catalog.annotations', key: 'review' },
      remediation: { text: 'Ask for a review.' },
      exemptible: false,
    },
  ],
  ...fields,
});

async function renderDialog(
  methods: Partial<ReadinessApi> = {},
  scorecard = definition(),
) {
  const api = mockReadinessApi(methods);
  const onClose = jest.fn();
  const onRequested = jest.fn();
  await renderInReadinessTestApp(
    <RequestExemptionDialog
      entityRef="component:default/payments"
      result={result}
      definition={scorecard}
      checkId="ci"
      open
      onClose={onClose}
      onRequested={onRequested}
    />,
    { readinessApi: api },
  );
  const dialog = await screen.findByRole('dialog');
  return { api, onClose, onRequested, dialog };
}

const submit = (dialog: HTMLElement) =>
  userEvent.click(
    within(dialog).getByRole('button', { name: 'Request exemption' }),
  );

async function fillIn(
  dialog: HTMLElement,
  fields: { reason?: string; endDate?: string; link?: string },
) {
  if (fields.reason) {
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Reason/ }),
      fields.reason,
    );
  }
  if (fields.endDate) {
    await userEvent.type(
      within(dialog).getByLabelText(/End date/),
      fields.endDate,
    );
  }
  if (fields.link) {
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Link/ }),
      fields.link,
    );
  }
}

describe('RequestExemptionDialog', () => {
  it('offers the failing and unknown exemptible checks, the one clicked chosen', async () => {
    const { dialog } = await renderDialog();

    expect(
      within(dialog).getByRole('heading', { name: 'Request an exemption' }),
    ).toBeInTheDocument();
    const checks = within(dialog).getAllByRole('checkbox');
    expect(checks.map(box => box.closest('label')?.textContent)).toEqual([
      'Title of on-call',
      'Title of ci',
    ]);
    expect(
      within(dialog).getByRole('checkbox', { name: 'Title of ci' }),
    ).toBeChecked();
    expect(
      within(dialog).getByRole('checkbox', { name: 'Title of on-call' }),
    ).not.toBeChecked();
  });

  it('limits the end date to today up to 90 days by default', async () => {
    const { dialog } = await renderDialog();

    const endDate = within(dialog).getByLabelText(/End date/);
    expect(endDate).toHaveAttribute('min', dayOf(new Date()));
    expect(endDate).toHaveAttribute('max', addDays(dayOf(new Date()), 90));
    expect(endDate).toBeRequired();
    expect(dialog).toHaveTextContent(
      `${addDays(dayOf(new Date()), 90)} at the latest (90 days)`,
    );
  });

  it("limits the end date to the scorecard's maximum", async () => {
    const { dialog } = await renderDialog(
      {},
      definition({ exemptions: { maxDays: 30 } }),
    );

    expect(within(dialog).getByLabelText(/End date/)).toHaveAttribute(
      'max',
      addDays(dayOf(new Date()), 30),
    );
  });

  it('says what is missing when submitted empty, and sends nothing', async () => {
    const { api, dialog } = await renderDialog();
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: 'Title of ci' }),
    );

    await submit(dialog);

    expect(
      within(dialog).getByText('Choose at least one check.'),
    ).toBeVisible();
    expect(within(dialog).getByText('Give the reason.')).toBeVisible();
    expect(within(dialog).getByText('Choose an end date.')).toBeVisible();
    expect(
      within(dialog).getByRole('textbox', { name: /Reason/ }),
    ).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByLabelText(/End date/)).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(api.requestExemption).not.toHaveBeenCalled();
  });

  it('refuses an end date beyond the maximum or in the past, and a link that is not http(s)', async () => {
    const { api, dialog } = await renderDialog();
    await fillIn(dialog, {
      reason: 'Waiting for the vendor.',
      endDate: addDays(dayOf(new Date()), 91),
      link: SCRIPT_URL,
    });

    await submit(dialog);

    expect(
      within(dialog).getByText(
        `Choose ${addDays(dayOf(new Date()), 90)} or earlier.`,
      ),
    ).toBeVisible();
    expect(
      within(dialog).getByText(
        'Enter an address that starts with http:// or https://.',
      ),
    ).toBeVisible();

    const endDate = within(dialog).getByLabelText(/End date/);
    await userEvent.clear(endDate);
    await userEvent.type(endDate, addDays(dayOf(new Date()), -1));
    expect(
      within(dialog).getByText(`Choose ${dayOf(new Date())} or later.`),
    ).toBeVisible();
    expect(api.requestExemption).not.toHaveBeenCalled();
  });

  it('previews the reason as Markdown, without raw HTML', async () => {
    const { dialog } = await renderDialog();
    await fillIn(dialog, {
      reason: 'Needs **the vendor**. <img src=x onerror="alert(1)">',
    });

    const preview = within(dialog).getByRole('region', {
      name: 'Preview of Reason',
    });
    expect(within(preview).getByText('the vendor').tagName).toBe('STRONG');
    expect(document.querySelector('[onerror]')).toBeNull();
  });

  it('requests the exemption and hands it over', async () => {
    const requested = exemption({ checks: ['on-call', 'ci'] });
    const { api, onRequested, dialog } = await renderDialog({
      requestExemption: async () => requested,
    });
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: 'Title of on-call' }),
    );
    await fillIn(dialog, {
      reason: 'Waiting for the vendor.',
      endDate: addDays(dayOf(new Date()), 90),
      link: 'https://tickets.example.com/OPS-1',
    });

    await submit(dialog);

    await waitFor(() => expect(onRequested).toHaveBeenCalledWith(requested));
    expect(api.requestExemption).toHaveBeenCalledWith({
      entityRef: 'component:default/payments',
      scorecard: 'production-readiness',
      checks: expect.arrayContaining(['on-call', 'ci']),
      reason: 'Waiting for the vendor.',
      expiresAt: addDays(dayOf(new Date()), 90),
      link: 'https://tickets.example.com/OPS-1',
    });
    expect(api.requestExemption.mock.calls[0][0].checks).toHaveLength(2);
  });

  it('sends no link when none is given', async () => {
    const { api, dialog } = await renderDialog({
      requestExemption: async () => exemption(),
    });
    await fillIn(dialog, { reason: 'Soon.', endDate: dayOf(new Date()) });

    await submit(dialog);

    await waitFor(() =>
      expect(api.requestExemption).toHaveBeenCalledWith({
        entityRef: 'component:default/payments',
        scorecard: 'production-readiness',
        checks: ['ci'],
        reason: 'Soon.',
        expiresAt: dayOf(new Date()),
      }),
    );
  });

  it('shows the progress while the request is sent', async () => {
    const { dialog } = await renderDialog({
      requestExemption: () => new Promise(() => {}),
    });
    await fillIn(dialog, { reason: 'Soon.', endDate: dayOf(new Date()) });

    await submit(dialog);

    await waitFor(() =>
      expect(
        within(dialog).getByRole('button', { name: /Request exemption/ }),
      ).toHaveAttribute('data-pending', 'true'),
    );
  });

  it.each([
    [400, 'checks: a pending request for on-call exists already'],
    [403, 'You may not request exemptions for this entity.'],
  ])(
    'shows the backend refusing with %d in its words',
    async (status, message) => {
      const error = await responseError(status, message);
      const { onRequested, dialog } = await renderDialog({
        requestExemption: () => Promise.reject(error),
      });
      await fillIn(dialog, { reason: 'Soon.', endDate: dayOf(new Date()) });

      await submit(dialog);

      const alert = await within(dialog).findByRole('alert');
      expect(alert).toHaveTextContent('Could not request the exemption');
      expect(alert).toHaveTextContent(message);
      expect(onRequested).not.toHaveBeenCalled();
    },
  );

  it('closes on cancel', async () => {
    const { onClose, dialog } = await renderDialog();

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );

    expect(onClose).toHaveBeenCalled();
  });
});
