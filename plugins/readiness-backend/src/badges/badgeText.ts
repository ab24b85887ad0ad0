/**
 * Characters XML 1.0 does not allow, and line breaks and tabs, which a
 * badge's one line has no use for: control characters, lone surrogates and
 * the two non-characters U+FFFE and U+FFFF.
 */
const NOT_IN_A_LINE =
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  /[\u0000-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text on one line, cut to `maxChars` characters (code points, so that
 * no surrogate pair is split) with an ellipsis when longer.
 */
export function oneLine(text: string, maxChars: number): string {
  const line = text.replace(NOT_IN_A_LINE, ' ').replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length <= maxChars
    ? line
    : `${chars
        .slice(0, maxChars - 1)
        .join('')
        .trimEnd()}…`;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** The text as XML character data or an attribute value, either quote. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, c => ESCAPES[c]);
}

/**
 * Widths in pixels of characters in 11px Verdana, the badge's font, by
 * group; an estimate (the viewer's font decides), close enough that the
 * text fits its box.
 */
const WIDTHS: Array<[RegExp, number]> = [
  [/[ilj.,:;'|!`]/, 3.8],
  [/[ Ift()[\]{}"\-/\\r·]/, 4.6],
  [/[mw%@]/, 10.7],
  [/[MW]/, 11.5],
  [/[A-Z&#]/, 7.7],
  [/[0-9]/, 7],
  [/[a-z?_+=<>*~^$]/, 6.7],
];

/** Any other character: wide, so that the text rather fits than not. */
const OTHER_WIDTH = 8.5;

/** The estimated width of the text in the badge's font, in pixels. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    width += WIDTHS.find(([group]) => group.test(char))?.[1] ?? OTHER_WIDTH;
  }
  return Math.ceil(width);
}
