import { render, screen } from '@testing-library/react';
import { formatRelativeTime } from './formatRelativeTime';
import { RelativeTime } from './RelativeTime';

const now = Date.parse('2026-11-25T12:00:00Z');

describe('formatRelativeTime', () => {
  it.each([
    ['2026-11-25T11:59:30Z', '30 seconds ago'],
    ['2026-11-25T11:55:00Z', '5 minutes ago'],
    ['2026-11-25T09:00:00Z', '3 hours ago'],
    ['2026-11-24T12:00:00Z', 'yesterday'],
    ['2026-09-25T12:00:00Z', '2 months ago'],
    ['2024-11-25T12:00:00Z', '2 years ago'],
  ])('says %s is %s', (time, expected) => {
    expect(formatRelativeTime(time, now)).toBe(expected);
  });

  it('returns what it cannot parse as it is', () => {
    expect(formatRelativeTime('not a time', now)).toBe('not a time');
  });
});

describe('RelativeTime', () => {
  it('renders a time element with the exact time', () => {
    const time = new Date(Date.now() - 5 * 60 * 1000).toISOString();
    render(<RelativeTime time={time} />);

    const element = screen.getByText('5 minutes ago');
    expect(element.tagName).toBe('TIME');
    expect(element).toHaveAttribute('dateTime', time);
    expect(element).toHaveAttribute('title', new Date(time).toLocaleString());
  });
});
