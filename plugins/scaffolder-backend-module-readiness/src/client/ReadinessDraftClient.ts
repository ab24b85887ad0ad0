import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  EntityReadiness,
  truncateText,
} from '@readiness/plugin-readiness-common';

/**
 * What the readiness backend evaluates: a draft entity, nothing stored.
 *
 * @public
 */
export interface DraftEvaluationRequest {
  entity: Entity;
  /** Only this scorecard's result. */
  scorecard?: string;
  /** The repository's file paths, for the repository facts. */
  repositoryPaths?: string[];
}

/**
 * How the client reaches the readiness backend, and how long it waits.
 *
 * @public
 */
export interface ReadinessDraftClientOptions {
  discovery: Pick<DiscoveryService, 'getBaseUrl'>;
  auth: Pick<AuthService, 'getPluginRequestToken'>;
  /** How long one evaluation may take, the answer's body included. */
  timeoutMs?: number;
  /** A larger answer is refused. */
  maxResponseBytes?: number;
}

/** An evaluation of one entity takes well under a second; this is generous. */
const DEFAULT_TIMEOUT_MS = 30_000;
/** Results of a few scorecards are tens of kilobytes. */
const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
/** Characters of the backend's message in an error; the rest is cut. */
const MAX_MESSAGE = 2_000;

/** The body, read up to `maxBytes`; an error past them. */
async function readBounded(
  response: Response,
  maxBytes: number,
): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new Error(`Readiness answered more than ${maxBytes} bytes`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) {
      break;
    }
    size += chunk.value.byteLength;
    if (size > maxBytes) {
      await reader?.cancel();
      throw new Error(`Readiness answered more than ${maxBytes} bytes`);
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The response's status, e.g. `503 Service Unavailable`. */
function statusOf(response: Response): string {
  return `${response.status} ${response.statusText}`.trim();
}

/**
 * The message of a Backstage error body, or the status. Only for 4xx
 * answers, whose messages are meant for the caller (which field is wrong,
 * which scorecard is unknown).
 */
function errorMessage(response: Response, body: string): string {
  try {
    const message = JSON.parse(body)?.error?.message;
    if (typeof message === 'string' && message !== '') {
      return truncateText(message, MAX_MESSAGE);
    }
  } catch {
    // Not JSON: the status says enough.
  }
  return statusOf(response);
}

/**
 * The error for an answer other than 2xx. A server error's message stays
 * out: it may hold internal details (SQL, host names) that the task log,
 * which the template's user reads, must not show; the backend logs them.
 */
function responseError(response: Response, body: string): Error {
  if (response.status === 400) {
    return new InputError(errorMessage(response, body));
  }
  if (response.status >= 400 && response.status < 500) {
    return new Error(
      `Readiness could not evaluate the entity: ${errorMessage(
        response,
        body,
      )}`,
    );
  }
  return new Error(
    `The readiness backend failed with ${statusOf(response)}; its logs say why`,
  );
}

/**
 * Calls `POST /api/readiness/entities/evaluate` on behalf of the task's
 * initiator, so that the draft's owner and system are looked up as they may
 * see them, within a timeout.
 *
 * @public
 */
export class ReadinessDraftClient {
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;

  constructor(private readonly options: ReadinessDraftClientOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxResponseBytes =
      options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  }

  /**
   * The draft's readiness. An `InputError` with the backend's message for a
   * request it refused (an invalid entity, an unknown scorecard); an
   * `Error` for any other failure, a timeout included, with the backend's
   * message for a 4xx answer and only the status for a 5xx one.
   */
  async evaluate(
    request: DraftEvaluationRequest,
    context: { credentials: BackstageCredentials; signal?: AbortSignal },
  ): Promise<EntityReadiness> {
    const { discovery, auth } = this.options;
    const baseUrl = await discovery.getBaseUrl('readiness');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: context.credentials,
      targetPluginId: 'readiness',
    });
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = context.signal
      ? AbortSignal.any([context.signal, timeout])
      : timeout;
    try {
      const response = await fetch(`${baseUrl}/entities/evaluate`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify(request),
        signal,
      });
      const body = await readBounded(response, this.maxResponseBytes);
      if (!response.ok) {
        throw responseError(response, body);
      }
      let readiness: EntityReadiness;
      try {
        readiness = JSON.parse(body);
      } catch {
        // The parser's message quotes the body; it stays out of the log.
        throw new Error('Readiness answered something other than JSON');
      }
      if (
        typeof readiness?.entityRef !== 'string' ||
        !Array.isArray(readiness.scorecards)
      ) {
        throw new Error(
          "Readiness answered something other than an entity's readiness",
        );
      }
      return readiness;
    } catch (error) {
      if (timeout.aborted) {
        throw new Error(
          `Readiness did not answer within ${this.timeoutMs / 1000} s`,
        );
      }
      throw error;
    }
  }
}
