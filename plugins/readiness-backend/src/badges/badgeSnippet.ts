import { CompoundEntityRef } from '@backstage/catalog-model';
import { oneLine } from './badgeText';
import { MAX_LABEL_CHARS } from './badgeContent';

/** A path segment, with the parentheses that would end a Markdown link. */
function segment(value: string): string {
  return encodeURIComponent(value).replace(
    /[()]/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Text for a Markdown image's alt text, its brackets and markup escaped. */
function altText(text: string): string {
  return oneLine(text, MAX_LABEL_CHARS).replace(
    /[\\[\]<>`*_!]/g,
    c => `\\${c}`,
  );
}

/** Where the public badge of this id is served. */
export function badgeUrl(backendBaseUrl: string, id: string): string {
  return `${backendBaseUrl}/api/readiness/public/badges/${segment(id)}`;
}

/**
 * The badge as Markdown for a README: the image, linking to the entity's
 * Readiness tab (kind and namespace lower case, as the catalog's routes).
 */
export function badgeMarkdown(options: {
  scorecardTitle: string;
  url: string;
  appBaseUrl: string;
  entity: CompoundEntityRef;
}): string {
  const { scorecardTitle, url, appBaseUrl, entity } = options;
  const page = [
    entity.namespace.toLocaleLowerCase('en-US'),
    entity.kind.toLocaleLowerCase('en-US'),
    entity.name,
  ]
    .map(segment)
    .join('/');
  return `[![${altText(
    scorecardTitle,
  )}: readiness](${url})](${appBaseUrl}/catalog/${page}/readiness)`;
}
