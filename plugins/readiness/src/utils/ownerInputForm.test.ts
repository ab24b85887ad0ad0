import { responseError } from '../__testUtils__/fixtures';
import {
  addDays,
  errorMessage,
  isHttpUrl,
  isIsoDate,
  todayUtc,
} from './ownerInputForm';

// eslint-disable-next-line no-script-url -- a script URL is what must be refused
const SCRIPT_URL = 'javascript:alert(1)';

describe('ownerInputForm', () => {
  it('tells the UTC day, and counts days across months and years', () => {
    expect(todayUtc(new Date('2026-03-01T23:30:00-05:00'))).toBe('2026-03-02');
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-01', 90)).toBe('2027-03-01');
  });

  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['tomorrow', false],
    ['', false],
  ])('takes %j as a date: %j', (value, valid) => {
    expect(isIsoDate(value)).toBe(valid);
  });

  it.each([
    ['https://tickets.example.com/OPS-1', true],
    ['http://wiki.example.com', true],
    [SCRIPT_URL, false],
    ['ftp://files.example.com', false],
    ['tickets.example.com/OPS-1', false],
  ])('takes %j as a link: %j', (value, valid) => {
    expect(isHttpUrl(value)).toBe(valid);
  });

  it("says what went wrong in the backend's words", async () => {
    expect(
      errorMessage(await responseError(409, 'The exemption is not pending')),
    ).toBe('The exemption is not pending');
    expect(errorMessage(new Error('Network down'))).toBe('Network down');
  });
});
