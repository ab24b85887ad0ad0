import { projectedCompletion, withLivePoint } from './burnUp';

const point = (day: string, met: number, targeted = 10) => ({
  day,
  targeted,
  met,
});

describe('burn-up', () => {
  it('projects completion at the pace from the first point to the last, rounding up', () => {
    // 3 met in 4 days, 6 left: 8 more days.
    expect(
      projectedCompletion([
        point('2027-01-10', 1),
        point('2027-01-12', 2),
        point('2027-01-14', 4),
      ]),
    ).toBe('2027-01-22');
  });

  it('projects nothing without a pace over two days, or with nothing left', () => {
    expect(projectedCompletion([])).toBeNull();
    expect(projectedCompletion([point('2027-01-10', 1)])).toBeNull();
    expect(
      projectedCompletion([point('2027-01-10', 1), point('2027-01-11', 5)]),
    ).toBeNull();
    expect(
      projectedCompletion([point('2027-01-10', 5), point('2027-01-20', 4)]),
    ).toBeNull();
    expect(
      projectedCompletion([point('2027-01-10', 5), point('2027-01-20', 10)]),
    ).toBeNull();
  });

  it("puts today's live point in place of today's record, only during the campaign", () => {
    const campaign = { startsAt: '2027-01-10', dueAt: '2027-01-31' };
    const recorded = [point('2027-01-10', 0), point('2027-01-12', 1)];
    expect(withLivePoint(recorded, point('2027-01-12', 3), campaign)).toEqual([
      point('2027-01-10', 0),
      point('2027-01-12', 3),
    ]);
    expect(withLivePoint(recorded, point('2027-02-01', 3), campaign)).toEqual(
      recorded,
    );
  });
});
