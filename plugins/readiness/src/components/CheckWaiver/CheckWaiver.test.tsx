import { screen } from '@testing-library/react';
import { mockReadinessApi } from '../../__testUtils__/mockReadinessApi';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { CheckWaiver } from './CheckWaiver';

// eslint-disable-next-line no-script-url -- a script URL is what must be refused
const SCRIPT_URL = 'javascript:alert(1)';

describe('CheckWaiver', () => {
  it('shows who requested and approved an exemption, why, until when, and its ticket', async () => {
    await renderInReadinessTestApp(
      <CheckWaiver
        waiver={{
          source: 'exemption',
          exemptionId: 'ex-1',
          reason: 'Waiting for **the vendor**. <script>alert(1)</script>',
          expiresAt: '2026-06-30',
          requestedBy: 'user:default/jane',
          approvedBy: 'user:default/ops-lead',
          link: 'https://tickets.example.com/OPS-1',
        }}
      />,
      { readinessApi: mockReadinessApi() },
    );

    expect(
      screen.getByText('Waived by an exemption until 2026-06-30'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Requested by/).closest('p')).toHaveTextContent(
      'Requested by jane, approved by ops-lead.',
    );
    expect(screen.getByRole('link', { name: 'jane' })).toBeInTheDocument();
    expect(screen.getByText('the vendor').tagName).toBe('STRONG');
    expect(document.querySelector('script')).toBeNull();
    expect(
      screen.getByRole('link', {
        name: 'Ticket or evidence (opens in a new window)',
      }),
    ).toHaveAttribute('href', 'https://tickets.example.com/OPS-1');
  });

  it('leaves out a link that is not http(s)', async () => {
    await renderInReadinessTestApp(
      <CheckWaiver
        waiver={{
          source: 'exemption',
          exemptionId: 'ex-1',
          reason: 'Soon.',
          expiresAt: '2026-06-30',
          requestedBy: 'user:default/jane',
          approvedBy: 'user:default/ops-lead',
          link: SCRIPT_URL,
        }}
      />,
      { readinessApi: mockReadinessApi() },
    );

    expect(
      screen.queryByRole('link', { name: /Ticket or evidence/ }),
    ).not.toBeInTheDocument();
  });

  it('says the scorecard waives it, with the reason and its end', async () => {
    await renderInReadinessTestApp(
      <>
        <CheckWaiver
          waiver={{ source: 'scorecard', reason: 'Legacy *batch* jobs.' }}
        />
        <CheckWaiver
          waiver={{
            source: 'scorecard',
            reason: 'Migrating.',
            expires: '2027-01-01',
          }}
        />
      </>,
      { readinessApi: mockReadinessApi() },
    );

    expect(screen.getByText('Waived by the scorecard')).toBeInTheDocument();
    expect(screen.getByText('batch').tagName).toBe('EM');
    expect(
      screen.getByText('Waived by the scorecard until 2027-01-01'),
    ).toBeInTheDocument();
    expect(screen.getByText('Migrating.')).toBeInTheDocument();
  });
});
