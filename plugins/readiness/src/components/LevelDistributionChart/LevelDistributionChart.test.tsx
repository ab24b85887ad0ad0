import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { levels } from '../../__testUtils__/fixtures';
import { LevelDistributionChart } from './LevelDistributionChart';

describe('LevelDistributionChart', () => {
  it('describes the bars in words', async () => {
    await renderInTestApp(
      <LevelDistributionChart
        levels={levels}
        counts={{ none: 2, bronze: 5, silver: 1 }}
      />,
    );

    expect(
      screen.getByRole('img', {
        name: 'Entities per level: No level: 2, Bronze: 5, Silver: 1, Gold: 0.',
      }),
    ).toBeInTheDocument();
  });
});
