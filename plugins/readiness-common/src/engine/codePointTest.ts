const LINE_TERMINATORS = new Set([0x0a, 0x0d, 0x2028, 0x2029]);
const MAX_REMEMBERED = 1024;

/**
 * Whether one code point matches an atom of a pattern: a literal, `.`, an
 * escape such as `\d` or `\p{L}`, or a class. Literals and `.` are compared
 * directly; anything else is asked of a native RegExp on that one code
 * point, which cannot backtrack, and the answer is remembered (for every
 * ASCII character, and for a bounded number of others).
 */
export class CodePointTest {
  private readonly literal: number | undefined;
  private readonly regex: RegExp | undefined;
  /** Per ASCII character: 0 unknown, 1 matches, 2 does not. */
  private readonly ascii = new Uint8Array(128);
  private readonly others = new Map<number, boolean>();

  /** `source` is one atom's text, valid in a pattern with the `u` flag. */
  constructor(source: string) {
    const first = source.codePointAt(0)!;
    if (source !== '.' && !'\\['.includes(source[0])) {
      this.literal = first;
    } else if (source !== '.') {
      this.regex = new RegExp(`^(?:${source})$`, 'u');
    }
  }

  matches(codePoint: number): boolean {
    if (this.literal !== undefined) {
      return codePoint === this.literal;
    }
    if (this.regex === undefined) {
      return !LINE_TERMINATORS.has(codePoint);
    }
    if (codePoint < 128) {
      let known = this.ascii[codePoint];
      if (known === 0) {
        known = this.ask(codePoint) ? 1 : 2;
        this.ascii[codePoint] = known;
      }
      return known === 1;
    }
    let known = this.others.get(codePoint);
    if (known === undefined) {
      known = this.ask(codePoint);
      if (this.others.size >= MAX_REMEMBERED) {
        this.others.clear();
      }
      this.others.set(codePoint, known);
    }
    return known;
  }

  private ask(codePoint: number): boolean {
    return this.regex!.test(String.fromCodePoint(codePoint));
  }
}
