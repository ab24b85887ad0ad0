import {
  createServer,
  IncomingHttpHeaders,
  IncomingMessage,
  ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A request the test server received.
 *
 * @public
 */
export interface RecordedRequest {
  method: string;
  /** The path and query, on `http://127.0.0.1`. */
  url: URL;
  headers: IncomingHttpHeaders;
  /** The body, once it has arrived (before the handler is called). */
  body: string;
  /** When it arrived, in milliseconds since the epoch. */
  at: number;
}

/**
 * Answers a request. A handler that throws answers 599 with the error; one
 * that never answers plays a server that hangs.
 *
 * @public
 */
export type TestServerHandler = (
  request: RecordedRequest,
  response: ServerResponse<IncomingMessage>,
) => unknown;

/**
 * A running test server.
 *
 * @public
 */
export interface TestServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  baseUrl: string;
  /** Every request so far, in the order they arrived. */
  requests: RecordedRequest[];
  /** The most requests that were open at once so far. */
  readonly maxInFlight: number;
  /** Stops the server, dropping the connections still open. */
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 and a free port, for tests of clients:
 * it records every request and answers with `handler`.
 *
 * @public
 */
export async function startTestServer(
  handler: TestServerHandler,
): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => {
      inFlight -= 1;
    });
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      url: new URL(req.url ?? '/', 'http://127.0.0.1'),
      headers: req.headers,
      body: '',
      at: Date.now(),
    };
    requests.push(recorded);
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', async () => {
      recorded.body = Buffer.concat(chunks).toString('utf8');
      try {
        await handler(recorded, res);
      } catch (error) {
        res.writeHead(599).end(String(error));
      }
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Answers with a JSON body (a string is sent as it is, to send malformed
 * JSON).
 *
 * @public
 */
export function sendJson(
  response: ServerResponse,
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): void {
  response
    .writeHead(status, { 'content-type': 'application/json', ...headers })
    .end(typeof body === 'string' ? body : JSON.stringify(body));
}

/**
 * Answers with a body that never ends: `chunk` again and again, as fast as
 * the client reads, until the client goes away. Resolves with the bytes
 * written by then, to show that a client stopped reading.
 *
 * @public
 */
export function sendEndless(
  response: ServerResponse,
  chunk: string | Buffer,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<number> {
  const data = Buffer.from(chunk);
  let written = 0;
  let closed = false;
  response.writeHead(200, headers);
  const write = () => {
    while (!closed && response.write(data)) {
      written += data.length;
    }
    if (!closed) {
      response.once('drain', write);
    }
  };
  return new Promise(resolve => {
    response.on('close', () => {
      closed = true;
      resolve(written);
    });
    write();
  });
}
