/** Between two polls, unless the caller says otherwise. */
const DEFAULT_INTERVAL_MS = 1000;

export type WaitOptions = {
  timeoutMs: number;
  intervalMs?: number;
  /** Says why to give up at once (the app exited, say), or undefined. */
  abort?: () => string | undefined;
};

/**
 * Polls until check() returns a truthy value, or fails after timeoutMs with
 * the last thing it saw.
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  options: WaitOptions,
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    const aborted = options.abort?.();
    if (aborted) {
      throw new Error(`${what}: ${aborted}`);
    }
    try {
      const value = await check();
      if (value) {
        return value;
      }
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: not within ${options.timeoutMs / 1000} s (last: ${last})`,
      );
    }
    await new Promise(r =>
      setTimeout(r, options.intervalMs ?? DEFAULT_INTERVAL_MS),
    );
  }
}
