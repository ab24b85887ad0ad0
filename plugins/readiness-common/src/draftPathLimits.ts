/**
 * The bounds of `repositoryPaths` in `POST /entities/evaluate`: the backend
 * refuses a request past them, and the Scaffolder module lists no more
 * workspace paths than they allow.
 *
 * @public
 */
export interface DraftPathLimits {
  /** Paths a draft's repository listing may hold. */
  readonly maxPaths: number;
  /** Characters one path may have. */
  readonly maxPathLength: number;
}

/**
 * The limits of a draft entity's repository paths, shared by the backend
 * and the Scaffolder module.
 *
 * @public
 */
export const DRAFT_PATH_LIMITS: DraftPathLimits = Object.freeze({
  maxPaths: 20_000,
  maxPathLength: 1_024,
});
