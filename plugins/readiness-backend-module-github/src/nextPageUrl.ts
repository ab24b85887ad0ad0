/**
 * The target of `rel="next"` in a Link header, as GitHub paginates.
 *
 * @internal
 */
export function nextPageUrl(link: string | null): string | undefined {
  if (!link) {
    return undefined;
  }
  for (const match of link.matchAll(/<([^>]*)>\s*;\s*rel="([^"]*)"/g)) {
    if (match[2].split(/\s+/).includes('next')) {
      return match[1];
    }
  }
  return undefined;
}
