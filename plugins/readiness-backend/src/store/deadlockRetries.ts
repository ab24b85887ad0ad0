/** How many times a transaction runs before a deadlock is given up on. */
const MAX_ATTEMPTS = 3;

/** Deadlock or serialization failure: MySQL/MariaDB and PostgreSQL. */
function isDeadlock(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: string };
  return code === 'ER_LOCK_DEADLOCK' || code === '40P01' || code === '40001';
}

/**
 * Runs a transaction again when the database chose it as a deadlock's
 * victim: two writers of one entity (the change scan during a full run) can
 * deadlock on MySQL's gap locks; the retry then sees the other's rows.
 */
export async function withDeadlockRetries<T>(
  run: () => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isDeadlock(error)) {
        throw error;
      }
    }
  }
}
