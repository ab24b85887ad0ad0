const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

const SHORT_UNITS: Record<string, number> = {
  s: SECOND,
  m: MINUTE,
  h: HOUR,
  d: DAY,
  w: WEEK,
};

const SHORT = /^(\d+)([smhdw])$/;
// Months and years are left out: their length depends on the calendar, so
// "P1M" would mean a different age in February than in March. Components are
// whole numbers; ISO's decimal fractions are not accepted.
const ISO_WEEKS = /^P(\d+)W$/;
const ISO = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

function positive(ms: number): number | undefined {
  return ms > 0 && Number.isSafeInteger(ms) ? ms : undefined;
}

/**
 * Milliseconds in an ISO 8601 duration (`P7D`, `PT12H`, `P1DT2H30M`, `P2W`)
 * or a short form (`30s`, `30m`, `12h`, `7d`, `2w`); `undefined` for anything
 * else, and for durations that are not positive.
 */
export function parseDuration(text: string): number | undefined {
  const short = SHORT.exec(text);
  if (short) {
    return positive(Number(short[1]) * SHORT_UNITS[short[2]]);
  }
  const weeks = ISO_WEEKS.exec(text);
  if (weeks) {
    return positive(Number(weeks[1]) * WEEK);
  }
  const iso = ISO.exec(text);
  // "P" and "P1DT" match the pattern but name no time at all.
  if (!iso || text.endsWith('T') || text === 'P') {
    return undefined;
  }
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = iso;
  return positive(
    Number(days) * DAY +
      Number(hours) * HOUR +
      Number(minutes) * MINUTE +
      Number(seconds) * SECOND,
  );
}

const FORMAT_UNITS: Array<[number, string]> = [
  [DAY, 'day'],
  [HOUR, 'hour'],
  [MINUTE, 'minute'],
  [SECOND, 'second'],
];

/**
 * A duration in the largest whole unit, for messages: "9 days", "1 hour".
 */
export function formatDuration(ms: number): string {
  for (const [size, unit] of FORMAT_UNITS) {
    const count = Math.floor(ms / size);
    if (count >= 1) {
      return `${count} ${unit}${count === 1 ? '' : 's'}`;
    }
  }
  return 'less than a second';
}
