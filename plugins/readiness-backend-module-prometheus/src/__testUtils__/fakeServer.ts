import {
  createServer,
  IncomingHttpHeaders,
  IncomingMessage,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';

export interface RecordedRequest {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** When it arrived, from Date.now(). */
  at: number;
}

export interface FakeServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A local HTTP server whose every answer the test writes, to play a
 * Prometheus that limits rates, fails, hangs or answers garbage.
 */
export async function startFakeServer(
  handler: (
    request: RecordedRequest,
    response: ServerResponse,
    raw: IncomingMessage,
  ) => void | Promise<void>,
): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((raw, response) => {
    const url = new URL(raw.url ?? '/', 'http://127.0.0.1');
    const request: RecordedRequest = {
      path: url.pathname,
      query: url.searchParams,
      headers: raw.headers,
      at: Date.now(),
    };
    requests.push(request);
    Promise.resolve(handler(request, response, raw)).catch(error => {
      response.statusCode = 500;
      response.end(String(error));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers with a JSON body. */
export function json(
  response: ServerResponse,
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'content-type': 'application/json',
    ...headers,
  });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** A Prometheus instant-vector answer with these values. */
export function vector(
  ...samples: Array<{ labels?: Record<string, string>; value: string }>
) {
  return {
    status: 'success',
    data: {
      resultType: 'vector',
      result: samples.map(s => ({
        metric: s.labels ?? {},
        value: [1700000000.123, s.value],
      })),
    },
  };
}
