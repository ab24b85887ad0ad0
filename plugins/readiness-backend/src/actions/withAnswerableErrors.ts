import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { isError, ServiceUnavailableError } from '@backstage/errors';
import { randomUUID } from 'node:crypto';

/**
 * Backstage's errors, whose messages the actions write for the caller (an
 * unknown id, a refused permission, a preview already running). Matched by
 * name: another copy of `@backstage/errors` makes `instanceof` miss them.
 * `ResponseError` is left out: it quotes another service's answer.
 */
const ANSWERABLE = new Set([
  'InputError',
  'AuthenticationError',
  'NotAllowedError',
  'NotFoundError',
  'ConflictError',
  'NotModifiedError',
  'NotImplementedError',
  'ServiceUnavailableError',
]);

/**
 * The error an AI client is told: Backstage's own errors as they are, and
 * anything else (a database's SQL, a fetch naming an internal host) as a
 * ServiceUnavailableError with an id, the details logged under that id.
 * MCP clients are shown an error's message, and put it in their context.
 */
export function answerableError(
  error: unknown,
  action: string,
  logger: { error(message: string, meta?: Error): void },
): Error {
  if (isError(error) && ANSWERABLE.has(error.name)) {
    return error as Error;
  }
  const id = randomUUID();
  logger.error(
    `Action ${action} failed, error id ${id}`,
    isError(error) ? (error as Error) : new Error(String(error)),
  );
  return new ServiceUnavailableError(
    `Readiness failed to answer (error id ${id})`,
  );
}

/**
 * The registry, its actions' errors made answerable (see
 * {@link answerableError}): every Readiness action registers through it.
 */
export function withAnswerableErrors(
  registry: ActionsRegistryService,
): ActionsRegistryService {
  return {
    register(options) {
      registry.register({
        ...options,
        action: async context => {
          try {
            return await options.action(context);
          } catch (error) {
            throw answerableError(error, options.name, context.logger);
          }
        },
      });
    },
  };
}
