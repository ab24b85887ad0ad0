import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { scorecardDetails } from '../../__testUtils__/fixtures';
import { CheckStandingsTable } from './CheckStandingsTable';

describe('CheckStandingsTable', () => {
  it('shows each check with its pass rate and offers its failing entities', async () => {
    const details = scorecardDetails();
    const onShowFailing = jest.fn();
    await renderInTestApp(
      <CheckStandingsTable details={details} onShowFailing={onShowFailing} />,
    );

    const [header, owner] = screen.getAllByRole('row');
    expect(header).toHaveTextContent(
      'CheckWeightPass rateFailingUnknownActions',
    );
    expect(owner).toHaveTextContent('Has an owner');
    expect(owner).toHaveTextContent('90 %');

    await userEvent.click(
      within(owner).getByRole('button', {
        name: 'Failing entities: Has an owner',
      }),
    );
    expect(onShowFailing).toHaveBeenCalledWith(details.checks[0]);
  });
});
