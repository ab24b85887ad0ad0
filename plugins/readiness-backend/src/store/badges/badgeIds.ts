import { randomBytes } from 'node:crypto';

/** Random bytes of a badge id: 192 bits, far past guessing. */
const ID_BYTES = 24;

/**
 * What a badge id looks like: base64url, 32 characters as made here; the
 * contract accepts 22 to 64 so that ids may grow without a new version.
 */
export const BADGE_ID_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

/** A new badge id, from the operating system's random source. */
export function newBadgeId(): string {
  return randomBytes(ID_BYTES).toString('base64url');
}
