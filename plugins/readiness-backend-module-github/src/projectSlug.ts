import { CollectorError } from '@readiness/plugin-readiness-node';
import type { GithubRepository } from './GithubClient';

/** The annotation that names an entity's repository, `<owner>/<repo>`. @internal */
export const PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';

/** `<owner>/<repo>` from the annotation; anything else is an error. @internal */
export function parseProjectSlug(slug: string | undefined): GithubRepository {
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec((slug ?? '').trim());
  if (
    !match ||
    ['.', '..'].includes(match[1]) ||
    ['.', '..'].includes(match[2])
  ) {
    // Safe to show: it names only the entity's own annotation.
    throw new CollectorError(
      `${PROJECT_SLUG_ANNOTATION} ${JSON.stringify(
        slug ?? null,
      )} is not <owner>/<repository> (letters, digits, _, . and -, not . or ..)`,
    );
  }
  return { owner: match[1], name: match[2] };
}
