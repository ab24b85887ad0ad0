/**
 * The error that work given up on through `signal` ends with: the signal's
 * reason when it is an error (from any realm, such as the `DOMException` of
 * a bare `abort()`), else an `Error` naming the reason.
 *
 * @public
 */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) {
    return reason;
  }
  // Duck-typed: a DOMException or error from another realm is kept as is.
  if (typeof (reason as { message?: unknown } | null)?.message === 'string') {
    return reason as Error;
  }
  return new Error(
    `aborted${reason === undefined ? '' : `: ${String(reason)}`}`,
  );
}

/**
 * Waits `ms` milliseconds, or rejects with {@link abortError} as soon as
 * `signal` is aborted.
 *
 * @public
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
