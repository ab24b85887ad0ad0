import { burnUpAxis, dayTime, formatDay } from './burnUpAxis';

const campaign = { startsAt: '2026-11-16', dueAt: '2027-03-31' };
const point = (day: string) => ({ day, targeted: 19, met: 9 });

describe('burnUpAxis', () => {
  it('spans the whole campaign when a single day is recorded, labelled at its start, the day and its deadline', () => {
    const axis = burnUpAxis(campaign, [point('2026-12-07')]);

    expect(axis.domain.map(formatDay)).toEqual(['2026-11-16', '2027-03-31']);
    expect(axis.ticks.map(formatDay)).toEqual([
      '2026-11-16',
      '2026-12-07',
      '2027-03-31',
    ]);
  });

  it('labels the last recorded day only, not every day', () => {
    const axis = burnUpAxis(campaign, [
      point('2026-11-16'),
      point('2026-11-17'),
      point('2026-11-18'),
    ]);

    expect(axis.ticks.map(formatDay)).toEqual([
      '2026-11-16',
      '2026-11-18',
      '2027-03-31',
    ]);
  });

  it('widens to days recorded outside the campaign, still labelling its start and deadline', () => {
    const axis = burnUpAxis(campaign, [
      point('2026-11-10'),
      point('2027-04-02'),
    ]);

    expect(axis.domain.map(formatDay)).toEqual(['2026-11-10', '2027-04-02']);
    expect(axis.ticks.map(formatDay)).toEqual([
      '2026-11-10',
      '2026-11-16',
      '2027-03-31',
      '2027-04-02',
    ]);
  });

  it('reads a day as its UTC midnight', () => {
    expect(dayTime('2027-01-01')).toBe(Date.UTC(2027, 0, 1));
    expect(formatDay(Date.UTC(2027, 0, 1))).toBe('2027-01-01');
  });
});
