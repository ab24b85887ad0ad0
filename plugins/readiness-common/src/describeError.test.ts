import { describeError } from './describeError';

describe('describeError', () => {
  it("prefers the network's reason that fetch puts in cause", () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });
    expect(describeError(new TypeError('fetch failed', { cause }))).toBe(
      'connect ECONNREFUSED 127.0.0.1:1',
    );
    const silent = Object.assign(new AggregateError([], ''), {
      code: 'ECONNREFUSED',
    });
    expect(
      describeError(new TypeError('fetch failed', { cause: silent })),
    ).toBe('ECONNREFUSED');
  });

  it("is else the error's message, or the value", () => {
    expect(describeError(new Error('boom'))).toBe('boom');
    expect(describeError('just a string')).toBe('just a string');
    expect(describeError(undefined)).toBe('undefined');
  });
});
