import { randomBytes } from 'node:crypto';
import {
  describeError,
  publicMessageOf,
} from '@readiness/plugin-readiness-node';

/** An error as the backend's log has it, and as an entity's readers see it. */
export interface ErrorReport {
  /** With the error's details, and the id when there is one. */
  logged: string;
  /** Safe to store and show: no internal address, query or credential. */
  shown: string;
}

/**
 * Reports that `what` failed. Error messages name internal addresses, SQL
 * and the like, and reasons reach everyone who may read the entity: only a
 * message the thrower marked safe to show (`publicMessage`, see
 * `CollectorError`) is shown; any other is shown as a short id that finds
 * the details in the backend's log.
 */
export function errorReport(what: string, error: unknown): ErrorReport {
  const publicMessage = publicMessageOf(error);
  if (publicMessage !== undefined) {
    return {
      logged: `${what}: ${describeError(error)}`,
      shown: `${what}: ${publicMessage}`,
    };
  }
  const id = randomBytes(4).toString('hex');
  return {
    logged: `${what} (error ${id}): ${describeError(error)}`,
    shown: `${what} (error ${id} in the backend log)`,
  };
}
