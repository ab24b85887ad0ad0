/**
 * `text` cut to at most `max` characters, ending in `…` when cut, and never
 * between the two halves of a surrogate pair (an emoji stays whole or goes).
 *
 * @public
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) {
    end -= 1;
  }
  return `${text.slice(0, end)}…`;
}
