import { randomBytes } from 'node:crypto';
import { InputError } from '@backstage/errors';
import { ResultsCursor } from './ResultsCursor';

describe('ResultsCursor', () => {
  const cursor = new ResultsCursor(randomBytes(32));
  const position = { score: 61.6, entityRef: 'component:default/hidden' };

  it('gives back the position, which the cursor does not show', () => {
    const encoded = cursor.encode(position);
    expect(cursor.decode(encoded)).toEqual(position);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(encoded, 'base64url').toString('latin1')).not.toMatch(
      /hidden|61/,
    );
  });

  it('has the same length for every usual entity ref', () => {
    expect(
      cursor.encode({ score: 0, entityRef: 'component:default/a' }),
    ).toHaveLength(
      cursor.encode({
        score: 100,
        entityRef: `component:default/${'x'.repeat(400)}`,
      }).length,
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
    ['from another key', new ResultsCursor(randomBytes(32)).encode(position)],
  ])('rejects a cursor %s with 400 naming the parameter', (_, value) => {
    expect(() => cursor.decode(value)).toThrow(InputError);
    expect(() => cursor.decode(value)).toThrow(/cursor/);
  });

  it('rejects a tampered cursor', () => {
    const bytes = Buffer.from(cursor.encode(position), 'base64url');
    bytes[bytes.length - 1] ^= 1;
    expect(() => cursor.decode(bytes.toString('base64url'))).toThrow(
      InputError,
    );
  });
});
