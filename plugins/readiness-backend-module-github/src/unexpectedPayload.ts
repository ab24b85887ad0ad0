import type { GithubRepository } from './GithubClient';

/** The error for a payload that is not what GitHub documents. @internal */
export function unexpectedPayload(
  repository: GithubRepository,
  what: string,
): Error {
  return new Error(
    `GitHub answered for ${repository.owner}/${repository.name} with an unexpected payload: ${what}`,
  );
}
