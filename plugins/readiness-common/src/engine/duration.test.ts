import { formatDuration, parseDuration } from './duration';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('parseDuration', () => {
  it.each([
    ['P7D', 7 * DAY],
    ['PT12H', 12 * HOUR],
    ['P1DT2H30M', DAY + 2 * HOUR + 30 * MINUTE],
    ['PT45S', 45 * SECOND],
    ['PT1M30S', 90 * SECOND],
    ['P2W', 14 * DAY],
    ['P0DT1H', HOUR],
    ['30s', 30 * SECOND],
    ['30m', 30 * MINUTE],
    ['12h', 12 * HOUR],
    ['7d', 7 * DAY],
    ['2w', 14 * DAY],
  ])('reads %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    ['P1M', 'months depend on the calendar'],
    ['P1Y', 'years depend on the calendar'],
    ['P1Y2D', 'years depend on the calendar'],
    ['P1W2D', 'ISO weeks stand alone'],
    ['P', 'no component'],
    ['PT', 'no time component'],
    ['P1DT', 'T without a time'],
    ['P0D', 'zero'],
    ['PT0H0M', 'zero'],
    ['0s', 'zero'],
    ['-7d', 'negative'],
    ['-P7D', 'negative'],
    ['PT1.5H', 'fractions'],
    ['1.5h', 'fractions'],
    ['p7d', 'lower-case designators'],
    ['7D', 'upper-case short unit'],
    ['7 d', 'spaces'],
    [' 7d', 'spaces'],
    ['7', 'no unit'],
    ['7y', 'an unknown unit'],
    ['', 'empty'],
    ['99999999999999999999d', 'beyond safe integers'],
  ])('rejects %s (%s)', text => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    [9 * DAY + 5 * HOUR, '9 days'],
    [DAY, '1 day'],
    [3 * HOUR + 59 * MINUTE, '3 hours'],
    [HOUR, '1 hour'],
    [2 * MINUTE, '2 minutes'],
    [SECOND, '1 second'],
    [59 * SECOND, '59 seconds'],
    [999, 'less than a second'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
