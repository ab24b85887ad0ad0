import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { check } from '../../__testUtils__/fixtures';
import { CheckItem } from './CheckItem';

describe('CheckItem', () => {
  it('shows a failing check with how to fix it', async () => {
    await renderInTestApp(
      <ul>
        <CheckItem
          check={check('docs', { level: 'silver', status: 'fail', weight: 1 })}
        />
      </ul>,
    );

    expect(screen.getByRole('listitem')).toHaveTextContent(
      'FailingTitle of docsRemediation of docs',
    );
  });

  it('shows an unknown check with why, not how to fix it', async () => {
    await renderInTestApp(
      <ul>
        <CheckItem
          check={check('ci', {
            level: 'silver',
            status: 'unknown',
            weight: 1,
            reason: 'The CI collector is down.',
          })}
        />
      </ul>,
    );

    expect(screen.getByRole('listitem')).toHaveTextContent(
      'UnknownTitle of ciThe CI collector is down.',
    );
  });

  it('shows an advisory check as a warning with its date, and how to fix it', async () => {
    await renderInTestApp(
      <ul>
        <CheckItem
          check={check('tls', {
            level: 'silver',
            status: 'fail',
            weight: 1,
            advisory: {
              enforcedFrom: '2027-04-01',
              campaign: 'tls-everywhere',
            },
          })}
        />
      </ul>,
    );

    expect(screen.getByRole('listitem')).toHaveTextContent(
      'Advisory — enforced from 2027-04-01Title of tlsRemediation of tls',
    );
  });
});
