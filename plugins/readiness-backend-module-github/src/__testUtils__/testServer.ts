import {
  createServer,
  IncomingHttpHeaders,
  IncomingMessage,
  ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  /** When the server received it (milliseconds since the epoch). */
  at: number;
}

export type Handler = (
  request: RecordedRequest,
  response: ServerResponse<IncomingMessage>,
) => void | Promise<void>;

export interface TestServer {
  baseUrl: string;
  requests: RecordedRequest[];
  /** The most requests that were open at once. */
  maxInFlight(): number;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 and a random port, recording requests. */
export async function startTestServer(handle: Handler): Promise<TestServer> {
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
      at: Date.now(),
    };
    requests.push(recorded);
    req.resume();
    req.on('end', async () => {
      try {
        await handle(recorded, res);
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
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
