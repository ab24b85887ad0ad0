import type {
  CheckResult,
  ScorecardDefinition,
} from '@readiness/plugin-readiness-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  check,
  scorecardDetails,
  scorecardResult,
} from '../../__testUtils__/fixtures';
import { mockReadinessApi } from '../../__testUtils__/mockReadinessApi';
import { attestation, exemption } from '../../__testUtils__/ownerInputFixtures';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { ReadinessApi } from '../../api';
import { addDays, dayOf } from '@readiness/plugin-readiness-common';
import { CheckOwnerActions } from './CheckOwnerActions';

const checkDefinition = (
  id: string,
  fields: Partial<ScorecardDefinition['checks'][number]> = {},
): ScorecardDefinition['checks'][number] => ({
  id,
  title: `Title of ${id}`,
  category: 'ownership',
  level: 'silver',
  weight: 1,
  condition: { fact: 'catalog.owner' },
  remediation: { text: 'Fix it.' },
  ...fields,
});

const definition: ScorecardDefinition = {
  ...scorecardDetails().definition,
  checks: [
    checkDefinition('on-call'),
    checkDefinition('security-review', { exemptible: false }),
    checkDefinition('dr', {
      exemptible: false,
      condition: {
        any: [
          { fact: 'repo.file', key: 'docs/dr.md', exists: true },
          { attestation: 'dr-rehearsed', maxAge: '180d' },
        ],
      },
    }),
  ],
};

async function renderActions(
  target: CheckResult,
  options: { allowed?: boolean; methods?: Partial<ReadinessApi> } = {},
) {
  const api = mockReadinessApi(options.methods);
  const onSubmitted = jest.fn();
  await renderInReadinessTestApp(
    <CheckOwnerActions
      // A permission decision is kept per entity: one entity per answer.
      entityRef={`component:default/${options.allowed ? 'owned' : 'other'}`}
      result={scorecardResult({ checks: [target] })}
      definition={definition}
      check={target}
      onSubmitted={onSubmitted}
    />,
    { readinessApi: api, allowRefresh: options.allowed },
  );
  return { api, onSubmitted };
}

const failing = (id: string) =>
  check(id, { level: 'silver', status: 'fail', weight: 1 });

describe('CheckOwnerActions', () => {
  it('offers an exemption from a failing check to those allowed', async () => {
    await renderActions(failing('on-call'), { allowed: true });

    expect(
      await screen.findByRole('button', { name: 'Request exemption' }),
    ).toBeInTheDocument();
  });

  it('offers nothing to those the policy does not allow', async () => {
    await renderActions(failing('on-call'));

    // Let the permission answer arrive.
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('offers no exemption from a check the scorecard does not let go, nor from a passing one', async () => {
    await renderActions(failing('security-review'), { allowed: true });
    await renderActions(
      check('on-call', { level: 'silver', status: 'pass', weight: 1 }),
      { allowed: true },
    );

    await new Promise(resolve => setTimeout(resolve, 50));
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('offers the attestation a check accepts while it does not pass', async () => {
    await renderActions(
      check('dr', { level: 'silver', status: 'unknown', weight: 1 }),
      { allowed: true },
    );

    expect(
      await screen.findByRole('button', { name: 'Attest: dr-rehearsed' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Request exemption' }),
    ).not.toBeInTheDocument();
  });

  it('requests an exemption through its dialog and tells when done', async () => {
    const requested = exemption();
    const { api, onSubmitted } = await renderActions(failing('on-call'), {
      allowed: true,
      methods: { requestExemption: async () => requested },
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Request exemption' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByRole('checkbox', { name: 'Title of on-call' }),
    ).toBeChecked();
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

    await waitFor(() => expect(onSubmitted).toHaveBeenCalledWith(requested));
    expect(api.requestExemption).toHaveBeenCalled();
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('attests through its dialog and tells when done', async () => {
    const given = attestation({ status: 'active' });
    const { api, onSubmitted } = await renderActions(
      check('dr', { level: 'silver', status: 'unknown', weight: 1 }),
      { allowed: true, methods: { attest: async () => given } },
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Attest: dr-rehearsed' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('The attestation counts for 180d.');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Statement/ }),
      'Rehearsed.',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Attest' }),
    );

    await waitFor(() => expect(onSubmitted).toHaveBeenCalledWith(given));
    expect(api.attest).toHaveBeenCalledWith(
      expect.objectContaining({ attestation: 'dr-rehearsed' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });
});
