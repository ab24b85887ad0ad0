import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { check, levels } from '../../__testUtils__/fixtures';
import { mockReadinessApi } from '../../__testUtils__/mockReadinessApi';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { CheckDetails } from './CheckDetails';

describe('CheckDetails', () => {
  it('opens a failing check with why and how to fix it', async () => {
    await renderInTestApp(
      <CheckDetails
        levels={levels}
        check={check('runbook', {
          level: 'silver',
          status: 'fail',
          weight: 3,
          reason: 'No runbook link.',
        })}
      />,
    );

    const heading = screen.getByRole('heading', { level: 4 });
    expect(heading).toHaveTextContent('FailingTitle of runbookSilver');
    expect(screen.getByRole('button')).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('Why: No runbook link.')).toBeVisible();
    expect(screen.getByText('Remediation of runbook')).toBeVisible();
  });

  it('shows an advisory check as a warning, saying until when it does not count', async () => {
    await renderInTestApp(
      <CheckDetails
        levels={levels}
        check={check('tls', {
          level: 'silver',
          status: 'fail',
          weight: 3,
          advisory: { enforcedFrom: '2027-04-01', campaign: 'tls-everywhere' },
        })}
      />,
    );

    expect(screen.getByRole('heading', { level: 4 })).toHaveTextContent(
      'Advisory — enforced from 2027-04-01Title of tlsSilver',
    );
    expect(
      screen.getByText(
        'Advisory: reported, but neither scored nor blocking a level until 2027-04-01.',
      ),
    ).toBeVisible();
    expect(screen.getByText('Remediation of tls')).toBeVisible();
  });

  it('keeps a waived check closed, without remediation', async () => {
    await renderInTestApp(
      <CheckDetails
        levels={levels}
        check={check('slo', {
          level: 'gold',
          status: 'waived',
          weight: 3,
          reason: 'Waived until 2027: migrating.',
          description: 'Has an **SLO**.',
        })}
      />,
    );

    const button = screen.getByRole('button', { name: /Title of slo/ });
    expect(button).toHaveAttribute('aria-expanded', 'false');

    await userEvent.click(button);

    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('SLO').tagName).toBe('STRONG');
    expect(
      screen.getByText('Why: Waived until 2027: migrating.'),
    ).toBeVisible();
    expect(screen.queryByText('Remediation of slo')).not.toBeInTheDocument();
  });

  it('renders the description without raw HTML or remote images', async () => {
    const { container } = await renderInTestApp(
      <CheckDetails
        levels={levels}
        check={check('slo', {
          level: 'gold',
          status: 'fail',
          weight: 3,
          description:
            'Has an SLO <img src="https://tracker.example/p.gif"> ![](https://tracker.example/q.gif)',
        })}
      />,
    );

    expect(container.querySelector('img')).toBeNull();
    expect(container).toHaveTextContent('<img src=');
  });

  it('says whether a decided check was verified or only declared', async () => {
    await renderInTestApp(
      <>
        <CheckDetails
          levels={levels}
          check={check('ci', {
            level: 'bronze',
            weight: 1,
            status: 'pass',
            basis: 'verified',
          })}
        />
        <CheckDetails
          levels={levels}
          check={check('on-call', {
            level: 'silver',
            weight: 1,
            status: 'fail',
            basis: 'declared',
          })}
        />
      </>,
    );

    expect(screen.getByText('Verified')).toHaveAttribute(
      'title',
      'Observed by a collector (repository or integration)',
    );
    expect(screen.getByText('Declared')).toHaveAttribute(
      'title',
      'Only declared in the catalog',
    );
  });

  it('says an attested check was attested', async () => {
    await renderInTestApp(
      <CheckDetails
        levels={levels}
        check={check('dr', {
          level: 'gold',
          weight: 1,
          status: 'pass',
          basis: 'attested',
        })}
      />,
    );

    expect(screen.getByText('Attested')).toHaveAttribute(
      'title',
      'Attested by the owners',
    );
  });

  it('shows the exemption that waives a check instead of a bare reason', async () => {
    await renderInReadinessTestApp(
      <CheckDetails
        levels={levels}
        check={check('on-call', {
          level: 'silver',
          status: 'waived',
          weight: 3,
          reason: 'Waived by exemption ex-1.',
          waiver: {
            source: 'exemption',
            exemptionId: 'ex-1',
            reason: 'Rotation starts in **June**.',
            expiresAt: '2026-06-30',
            requestedBy: 'user:default/jane',
            approvedBy: 'user:default/ops-lead',
          },
        })}
      />,
      { readinessApi: mockReadinessApi() },
    );

    await userEvent.click(
      screen.getByRole('button', { name: /Title of on-call/ }),
    );

    expect(
      screen.getByText('Waived by an exemption until 2026-06-30'),
    ).toBeVisible();
    expect(screen.getByText(/Requested by/)).toHaveTextContent(
      'Requested by jane, approved by ops-lead.',
    );
    expect(screen.getByText('June').tagName).toBe('STRONG');
    expect(screen.queryByText(/^Why:/)).not.toBeInTheDocument();
  });

  it('shows a waiver of the scorecard as such', async () => {
    await renderInTestApp(
      <CheckDetails
        levels={levels}
        check={check('slo', {
          level: 'gold',
          status: 'waived',
          weight: 3,
          waiver: { source: 'scorecard', reason: 'Batch jobs have no SLO.' },
        })}
      />,
    );

    await userEvent.click(screen.getByRole('button', { name: /Title of slo/ }));

    expect(screen.getByText('Waived by the scorecard')).toBeVisible();
    expect(screen.getByText('Batch jobs have no SLO.')).toBeVisible();
  });

  it('offers the actions it is given in its panel', async () => {
    await renderInTestApp(
      <CheckDetails
        levels={levels}
        check={check('runbook', { level: 'silver', status: 'fail', weight: 3 })}
        actions={<button type="button">Request exemption</button>}
      />,
    );

    expect(
      screen.getByRole('button', { name: 'Request exemption' }),
    ).toBeVisible();
  });
});
