import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { check, scorecardResult } from '../../__testUtils__/fixtures';
import { nextLevelGaps } from './nextLevelGaps';
import { NextLevelGaps } from './NextLevelGaps';

const checks = [
  check('a', { level: 'silver', status: 'fail', weight: 1 }),
  check('b', { level: 'silver', status: 'unknown', weight: 1 }),
  check('c', { level: 'silver', status: 'pass', weight: 1 }),
  check('d', { level: 'gold', status: 'fail', weight: 1 }),
  // Advisory: a warning, not in the way of the level.
  check('e', {
    level: 'silver',
    status: 'fail',
    weight: 1,
    advisory: { enforcedFrom: '2027-04-01' },
  }),
];

describe('nextLevelGaps', () => {
  it('is the failing and unknown checks of the next level, advisory ones left out', () => {
    expect(nextLevelGaps(scorecardResult({ checks })).map(c => c.id)).toEqual([
      'a',
      'b',
    ]);
  });
});

describe('NextLevelGaps', () => {
  it('names what the next level needs', async () => {
    await renderInTestApp(
      <NextLevelGaps result={scorecardResult({ checks })} />,
    );

    expect(
      screen.getByText('To reach Silver, 2 checks are not passing yet:'),
    ).toBeInTheDocument();
    expect(screen.getByText('Title of a')).toBeInTheDocument();
    expect(screen.getByText('Title of b')).toBeInTheDocument();
  });

  it('says when the highest level is reached', async () => {
    await renderInTestApp(
      <NextLevelGaps result={scorecardResult({ nextLevel: null })} />,
    );

    expect(screen.getByText('Highest level reached.')).toBeInTheDocument();
  });
});
