/**
 * A collector's error whose message is safe to show to anyone who may read
 * the entity (the reason of its facts, and so of checks): it names no
 * internal address, credential or query. Any other error a collector throws
 * is shown only as "failed", with an id that finds its details in the
 * backend's log.
 *
 * @public
 */
export class CollectorError extends Error {
  /** What the entity's readers see, e.g. `repository acme/web not found`. */
  readonly publicMessage: string;

  constructor(publicMessage: string, options?: { cause?: unknown }) {
    super(publicMessage, options);
    this.name = 'CollectorError';
    this.publicMessage = publicMessage;
  }
}

/**
 * The message of an error that is safe to show, or `undefined`: a
 * {@link CollectorError}, or any error with a string `publicMessage` (as
 * from another copy of this package).
 *
 * @public
 */
export function publicMessageOf(error: unknown): string | undefined {
  const { publicMessage } = (error ?? {}) as { publicMessage?: unknown };
  return typeof publicMessage === 'string' ? publicMessage : undefined;
}
