import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { check, levels } from '../../__testUtils__/fixtures';
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
});
