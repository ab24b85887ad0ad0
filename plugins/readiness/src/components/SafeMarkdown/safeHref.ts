/** Where a relative reference resolves while its scheme is checked. */
const RELATIVE_BASE = 'https://relative.invalid/';

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The link target if it is http(s), mailto or relative; undefined for any
 * other scheme (javascript:, data:, vbscript:, …). It is parsed the way the
 * browser will parse it, so `java\tscript:` or leading control characters
 * cannot pass as relative.
 */
export function safeHref(href: string | undefined): string | undefined {
  if (!href) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(href, RELATIVE_BASE);
  } catch {
    return undefined;
  }
  return ALLOWED_PROTOCOLS.has(url.protocol) ? href : undefined;
}

/** Whether a link leaves the app, so it opens in a new window. */
export function isExternalHref(href: string): boolean {
  return new URL(href, RELATIVE_BASE).origin !== new URL(RELATIVE_BASE).origin;
}
