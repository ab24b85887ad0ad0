import {
  addDays,
  dayOf,
  daysBetween,
  endOfUtcDay,
  isCalendarDay,
} from './calendarDays';

describe('calendarDays', () => {
  it('tells the UTC day, and counts days across months and years', () => {
    expect(dayOf(new Date('2026-03-01T23:30:00-05:00'))).toBe('2026-03-02');
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-01', 90)).toBe('2027-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['tomorrow', false],
    ['', false],
  ])('takes %j as a day: %j', (value, valid) => {
    expect(isCalendarDay(value)).toBe(valid);
  });

  it('ends a day at its last UTC millisecond', () => {
    expect(endOfUtcDay('2026-12-10')).toBe(
      Date.parse('2026-12-11T00:00:00Z') - 1,
    );
    expect(endOfUtcDay('2026-02-30')).toBeUndefined();
    expect(endOfUtcDay('2026-12-10T10:00:00Z')).toBeUndefined();
  });
});

describe('daysBetween', () => {
  it('counts whole UTC days, negative backwards, across a leap day', () => {
    expect(daysBetween('2027-03-31', '2027-03-31')).toBe(0);
    expect(daysBetween('2027-02-27', '2027-03-01')).toBe(2);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-04-01', '2027-03-31')).toBe(-1);
  });
});
