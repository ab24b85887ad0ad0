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
  body: string;
  /** When the server received it (milliseconds since the epoch). */
  at: number;
}

export type Handler = (
  request: RecordedRequest,
  response: ServerResponse<IncomingMessage>,
) => unknown;

export interface TestServer {
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 and a random port, recording requests. */
export async function startTestServer(handle: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const at = Date.now();
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', async () => {
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        url: new URL(req.url ?? '/', 'http://127.0.0.1'),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at,
      };
      requests.push(recorded);
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
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(
  response: ServerResponse,
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
) {
  response
    .writeHead(status, { 'content-type': 'application/json', ...headers })
    .end(typeof body === 'string' ? body : JSON.stringify(body));
}

export interface SonarQubeProject {
  coverage?: string;
  gate?: 'OK' | 'WARN' | 'ERROR';
  issues?: Array<{ key: string; rule: string; severity: string }>;
}

/**
 * Answers as SonarQube's Web API does (api/measures/component,
 * api/qualitygates/project_status, api/issues/search with p/ps paging),
 * for the projects given by key.
 */
export function sonarQube(projects: Record<string, SonarQubeProject>): Handler {
  return ({ url }, response) => {
    const notFound = (key: string | null) =>
      sendJson(
        response,
        { errors: [{ msg: `Component key '${key}' not found` }] },
        404,
      );
    if (url.pathname === '/api/measures/component') {
      const key = url.searchParams.get('component');
      const project = key !== null ? projects[key] : undefined;
      if (!project) {
        return notFound(key);
      }
      const wanted = (url.searchParams.get('metricKeys') ?? '').split(',');
      const measures =
        wanted.includes('coverage') && project.coverage
          ? [{ metric: 'coverage', value: project.coverage, bestValue: false }]
          : [];
      return sendJson(response, {
        component: { key, name: key, qualifier: 'TRK', measures },
      });
    }
    if (url.pathname === '/api/qualitygates/project_status') {
      const key = url.searchParams.get('projectKey');
      const project = key !== null ? projects[key] : undefined;
      if (!project?.gate) {
        return notFound(key);
      }
      return sendJson(response, {
        projectStatus: {
          status: project.gate,
          ignoredConditions: false,
          conditions: [],
          periods: [],
        },
      });
    }
    if (url.pathname === '/api/issues/search') {
      const key = url.searchParams.get('componentKeys');
      const project = key !== null ? projects[key] : undefined;
      if (!project) {
        return notFound(key);
      }
      const issues = project.issues ?? [];
      const p = Number(url.searchParams.get('p') ?? 1);
      const ps = Number(url.searchParams.get('ps') ?? 100);
      return sendJson(response, {
        total: issues.length,
        p,
        ps,
        paging: { pageIndex: p, pageSize: ps, total: issues.length },
        issues: issues.slice((p - 1) * ps, p * ps),
      });
    }
    return sendJson(response, { errors: [{ msg: 'Unknown url' }] }, 404);
  };
}
