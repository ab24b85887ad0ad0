import { notEvaluatedBadge, standingBadge, unknownBadge } from './badgeContent';

const scorecard = {
  title: 'Production readiness',
  levels: [
    { id: 'bronze', title: 'Bronze' },
    { id: 'silver', title: 'Silver' },
    { id: 'gold', title: 'Gold' },
  ],
};

describe('badge content', () => {
  it("says the level's title and the rounded score", () => {
    expect(standingBadge(scorecard, { score: 87.4, level: 'gold' })).toEqual({
      label: 'Production readiness',
      message: 'Gold · 87%',
      color: '#4c1',
    });
  });

  it('colours lower levels from yellow towards green, none red', () => {
    const colour = (level: string | null) =>
      standingBadge(scorecard, { score: 50, level }).color;
    expect(colour('bronze')).toBe('#dfb317');
    expect(colour('silver')).toBe('#a4a61d');
    expect(colour('gold')).toBe('#4c1');
    expect(colour(null)).toBe('#e05d44');
    expect(standingBadge(scorecard, { score: 12, level: null }).message).toBe(
      'no level · 12%',
    );
  });

  it('shows the id, in grey, of a level the scorecard no longer has', () => {
    expect(standingBadge(scorecard, { score: 90, level: 'platinum' })).toEqual(
      expect.objectContaining({ message: 'platinum · 90%', color: '#9f9f9f' }),
    );
  });

  it('says when there is no result, or nothing is known any more', () => {
    expect(notEvaluatedBadge(scorecard).message).toBe('not evaluated');
    expect(unknownBadge(scorecard)).toEqual({
      label: 'Production readiness',
      message: 'unknown',
      color: '#9f9f9f',
    });
    expect(unknownBadge().label).toBe('readiness');
  });

  it('cuts a long title and level title', () => {
    const long = standingBadge(
      {
        title: 'A scorecard title that goes on and on and on and on',
        levels: [
          { id: 'x', title: 'A level title that goes on and on and on' },
        ],
      },
      { score: 100, level: 'x' },
    );
    expect([...long.label]).toHaveLength(40);
    expect(long.label.endsWith('…')).toBe(true);
    expect(long.message).toMatch(/^.{29}… · 100%$/u);
  });
});
