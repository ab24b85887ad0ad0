import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useReadinessPageParams } from './useReadinessPageParams';

function Params() {
  const [params, setParams] = useReadinessPageParams();
  return (
    <>
      <output>{JSON.stringify(params)}</output>
      <button onClick={() => setParams({ kind: 'api', tag: undefined })}>
        change
      </button>
    </>
  );
}

describe('useReadinessPageParams', () => {
  it('reads the query and changes some parameters, keeping the others', async () => {
    await renderInTestApp(<Params />, {
      routeEntries: ['/readiness?tab=leaderboard&tag=java'],
    });

    expect(screen.getByRole('status')).toHaveTextContent(
      '{"tab":"leaderboard","tag":"java"}',
    );

    await userEvent.click(screen.getByRole('button', { name: 'change' }));

    expect(screen.getByRole('status')).toHaveTextContent(
      '{"tab":"leaderboard","kind":"api"}',
    );
  });
});
