import { CollectorError, publicMessageOf } from './CollectorError';

describe('publicMessageOf', () => {
  it('gives the message of an error marked safe to show, and nothing for others', () => {
    const cause = new Error('GET https://internal.example/api answered 404');
    const error = new CollectorError('repository acme/web not found', {
      cause,
    });
    expect(publicMessageOf(error)).toBe('repository acme/web not found');
    expect(error.cause).toBe(cause);
    // From another copy of this package.
    expect(publicMessageOf({ publicMessage: 'rate limited' })).toBe(
      'rate limited',
    );
    expect(publicMessageOf(cause)).toBeUndefined();
    expect(publicMessageOf('text')).toBeUndefined();
    expect(publicMessageOf(undefined)).toBeUndefined();
  });
});
