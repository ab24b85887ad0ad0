/**
 * Whether a route link points at the location's path. Links of the legacy
 * frontend system start with the app's base path, which the location's
 * path leaves out, so the link may be longer.
 */
export function isLinkTo(link: string, pathname: string): boolean {
  const path = pathname.replace(/\/+$/, '');
  return path !== '' && (link === path || link.endsWith(path));
}

/**
 * The campaign name the location's path gives below the campaigns' link
 * (`…/campaigns/<name>`), or `undefined` when it is not such a path.
 */
export function campaignNameAt(
  campaignsLink: string,
  pathname: string,
): string | undefined {
  const path = pathname.replace(/\/+$/, '');
  const slash = path.lastIndexOf('/');
  const segment = path.slice(slash + 1);
  if (
    slash <= 0 ||
    !segment ||
    !isLinkTo(campaignsLink, path.slice(0, slash))
  ) {
    return undefined;
  }
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape is no campaign name.
    return undefined;
  }
}
