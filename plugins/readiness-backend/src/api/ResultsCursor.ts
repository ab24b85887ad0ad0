import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { InputError } from '@backstage/errors';
import { ResultPosition } from '../store';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/**
 * Positions are padded to a multiple of this many bytes, so that a cursor's
 * length does not tell the length of the entity ref in it.
 */
const PADDED_BYTES = 512;

/**
 * Turns a position in a list of results into the opaque `cursor` of
 * `GET /results`, and back. A page can stop at a result the caller may not
 * read, so the position is sealed (AES-GCM): the caller learns neither that
 * entity's ref and score nor how many such results were passed over, and
 * cannot make up a position.
 */
export class ResultsCursor {
  constructor(private readonly key: Buffer) {}

  /**
   * `query` names the list the position belongs to (scorecard, filters,
   * caller); a cursor read back with another is refused, so replaying one
   * under other filters cannot place the row it stopped at.
   */
  encode(position: ResultPosition, query: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv);
    cipher.setAAD(Buffer.from(query));
    const json = JSON.stringify([position.score, position.entityRef]);
    const length = Buffer.byteLength(json);
    // JSON allows trailing white space.
    const padded = json.padEnd(
      json.length + ((PADDED_BYTES - (length % PADDED_BYTES)) % PADDED_BYTES),
    );
    const sealed = Buffer.concat([cipher.update(padded), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString(
      'base64url',
    );
  }

  /** @throws InputError naming the parameter when the cursor is not ours. */
  decode(cursor: string, query: string): ResultPosition {
    const bytes = Buffer.from(cursor, 'base64url');
    try {
      const decipher = createDecipheriv(
        ALGORITHM,
        this.key,
        bytes.subarray(0, IV_BYTES),
      );
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      decipher.setAAD(Buffer.from(query));
      const [score, entityRef] = JSON.parse(
        Buffer.concat([
          decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8'),
      );
      if (typeof score === 'number' && typeof entityRef === 'string') {
        return { score, entityRef };
      }
    } catch {
      // Not sealed with this key or for this query, or cut short: the same
      // answer.
    }
    throw new InputError(
      'Invalid cursor parameter: use the nextCursor of a previous /results response with the same parameters',
    );
  }
}
