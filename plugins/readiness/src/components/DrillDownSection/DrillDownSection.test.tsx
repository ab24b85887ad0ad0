import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DrillDownSection } from './DrillDownSection';

describe('DrillDownSection', () => {
  it('takes the focus when it opens and closes on request', async () => {
    const onClose = jest.fn();
    await renderInTestApp(
      <DrillDownSection title="Entities of team-a" onClose={onClose}>
        <p>The entities</p>
      </DrillDownSection>,
    );

    expect(
      screen.getByRole('heading', { name: 'Entities of team-a' }),
    ).toHaveFocus();
    expect(
      screen.getByRole('region', { name: 'Entities of team-a' }),
    ).toHaveTextContent('The entities');

    await userEvent.click(
      screen.getByRole('button', { name: 'Close Entities of team-a' }),
    );
    expect(onClose).toHaveBeenCalled();
  });
});
