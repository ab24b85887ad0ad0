import {
  isRateLimitAnswer,
  isRateLimitSpent,
  rateLimitWaitMs,
} from './rateLimitHeaders';

const headers = (init: Record<string, string>) => new Headers(init);

describe('rateLimitWaitMs', () => {
  it('reads ratelimit-reset, then Retry-After in seconds or as a date', () => {
    expect(rateLimitWaitMs(headers({ 'ratelimit-reset': '2' }), 0)).toBe(2000);
    expect(
      rateLimitWaitMs(
        headers({ 'ratelimit-reset': '0.5', 'retry-after': '9' }),
        0,
      ),
    ).toBe(500);
    expect(rateLimitWaitMs(headers({ 'retry-after': '3' }), 0)).toBe(3000);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(
      rateLimitWaitMs(
        headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:04 GMT' }),
        now,
      ),
    ).toBe(4000);
  });

  it("reads GitHub's x-ratelimit-reset, seconds since the epoch, once none remain", () => {
    const now = 1_700_000_000_000;
    const reset = String(now / 1000 + 30);
    expect(
      rateLimitWaitMs(
        headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }),
        now,
      ),
    ).toBe(30_000);
    expect(
      rateLimitWaitMs(
        headers({ 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': reset }),
        now,
      ),
    ).toBeUndefined();
  });

  it('is undefined when no header says', () => {
    expect(rateLimitWaitMs(headers({}), 0)).toBeUndefined();
    expect(
      rateLimitWaitMs(headers({ 'ratelimit-reset': 'soon' }), 0),
    ).toBeUndefined();
  });
});

describe('isRateLimitSpent', () => {
  it('sees either family of remaining headers at 0', () => {
    expect(isRateLimitSpent(headers({ 'ratelimit-remaining': '0' }))).toBe(
      true,
    );
    expect(isRateLimitSpent(headers({ 'x-ratelimit-remaining': '0' }))).toBe(
      true,
    );
    expect(isRateLimitSpent(headers({ 'x-ratelimit-remaining': '1' }))).toBe(
      false,
    );
  });
});

describe('isRateLimitAnswer', () => {
  const answer = (
    status: number,
    init: Record<string, string> = {},
    text = '',
  ) => ({ status, headers: headers(init), text });

  it('takes every 429 and the 403s GitHub sends for rate limits', () => {
    expect(isRateLimitAnswer(answer(429))).toBe(true);
    expect(isRateLimitAnswer(answer(403, { 'retry-after': '5' }))).toBe(true);
    expect(
      isRateLimitAnswer(answer(403, { 'x-ratelimit-remaining': '0' })),
    ).toBe(true);
    expect(
      isRateLimitAnswer(
        answer(403, {}, JSON.stringify({ message: 'secondary rate limit' })),
      ),
    ).toBe(true);
  });

  it('does not take a 403 for lack of permission as a rate limit', () => {
    expect(
      isRateLimitAnswer(
        answer(
          403,
          { 'x-ratelimit-remaining': '4999' },
          JSON.stringify({ message: 'Resource not accessible' }),
        ),
      ),
    ).toBe(false);
    expect(isRateLimitAnswer(answer(500, { 'retry-after': '5' }))).toBe(false);
  });

  it("does not take a 403 whose only sign is an unreadable Retry-After or PagerDuty's header", () => {
    expect(isRateLimitAnswer(answer(403, { 'retry-after': 'soon' }))).toBe(
      false,
    );
    expect(isRateLimitAnswer(answer(403, { 'ratelimit-remaining': '0' }))).toBe(
      false,
    );
  });
});
