import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { levels } from '../../__testUtils__/fixtures';
import { LevelDistribution } from './LevelDistribution';

describe('LevelDistribution', () => {
  it('counts the entities at every level, those below the first included', async () => {
    await renderInTestApp(
      <LevelDistribution levels={levels} counts={{ none: 2, gold: 1 }} />,
    );

    expect(
      screen.getByText('No level: 2 · Bronze: 0 · Silver: 0 · Gold: 1'),
    ).toBeInTheDocument();
  });
});
