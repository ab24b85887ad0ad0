import { randomBytes } from 'node:crypto';
import { InputError } from '@backstage/errors';
import { ResultsCursor } from './ResultsCursor';

describe('ResultsCursor', () => {
  const cursor = new ResultsCursor(randomBytes(32));
  const position = { score: 61.6, entityRef: 'component:default/hidden' };
  const QUERY = '["user:default/ada",[["scorecardId","production-readiness"]]]';

  it('gives back the position, which the cursor does not show', () => {
    const encoded = cursor.encode(position, QUERY);
    expect(cursor.decode(encoded, QUERY)).toEqual(position);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(encoded, 'base64url').toString('latin1')).not.toMatch(
      /hidden|61/,
    );
  });

  it('has the same length for every usual entity ref', () => {
    expect(
      cursor.encode({ score: 0, entityRef: 'component:default/a' }, QUERY),
    ).toHaveLength(
      cursor.encode(
        { score: 100, entityRef: `component:default/${'x'.repeat(400)}` },
        QUERY,
      ).length,
    );
  });

  it.each([
    ['empty', ''],
    ['not base64', '%%%'],
    ['cut short', 'abc'],
    [
      'plain JSON',
      Buffer.from(JSON.stringify([1, 'component:default/a'])).toString(
        'base64url',
      ),
    ],
    [
      'from another key',
      new ResultsCursor(randomBytes(32)).encode(position, QUERY),
    ],
  ])('rejects a cursor %s with 400 naming the parameter', (_, value) => {
    expect(() => cursor.decode(value, QUERY)).toThrow(InputError);
    expect(() => cursor.decode(value, QUERY)).toThrow(/cursor/);
  });

  it('rejects a tampered cursor', () => {
    const bytes = Buffer.from(cursor.encode(position, QUERY), 'base64url');
    bytes[bytes.length - 1] ^= 1;
    expect(() => cursor.decode(bytes.toString('base64url'), QUERY)).toThrow(
      InputError,
    );
  });

  it('rejects a cursor read back for another list or caller', () => {
    const encoded = cursor.encode(position, QUERY);
    expect(() =>
      cursor.decode(
        encoded,
        '["user:default/ada",[["level","gold"],["scorecardId","production-readiness"]]]',
      ),
    ).toThrow(InputError);
    expect(() =>
      cursor.decode(
        encoded,
        '["user:default/bob",[["scorecardId","production-readiness"]]]',
      ),
    ).toThrow(InputError);
  });
});
