import { truncateText } from './truncateText';

describe('truncateText', () => {
  it('keeps short text and cuts long text to max characters with …', () => {
    expect(truncateText('short', 5)).toBe('short');
    expect(truncateText('longer text', 6)).toBe('longe…');
    expect(truncateText('longer text', 6)).toHaveLength(6);
  });

  it('never splits a surrogate pair', () => {
    // "ab😀cd": the emoji takes characters 2 and 3.
    expect(truncateText('ab\u{1F600}cd', 4)).toBe('ab…');
    expect(truncateText('ab\u{1F600}cd', 5)).toBe('ab\u{1F600}…');
  });
});
