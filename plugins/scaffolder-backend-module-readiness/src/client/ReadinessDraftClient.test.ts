import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ReadinessDraftClient } from './ReadinessDraftClient';

/** A backend on loopback that answers every request with this. */
async function answering(
  status: number,
  body: string,
): Promise<{ client: ReadinessDraftClient; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new ReadinessDraftClient({
    discovery: {
      getBaseUrl: async pluginId => `http://127.0.0.1:${port}/api/${pluginId}`,
    },
    auth: mockServices.auth({ pluginId: 'scaffolder' }),
  });
  return { client, server };
}

function backstageError(name: string, message: string): string {
  return JSON.stringify({ error: { name, message }, response: {} });
}

const servers: Server[] = [];
afterEach(() => {
  servers.splice(0).forEach(server => server.close());
});

async function evaluateAgainst(status: number, body: string): Promise<Error> {
  const { client, server } = await answering(status, body);
  servers.push(server);
  return client
    .evaluate(
      {
        entity: {
          apiVersion: 'v1',
          kind: 'Component',
          metadata: { name: 'x' },
        },
      },
      { credentials: mockCredentials.user() },
    )
    .then(
      () => {
        throw new Error('expected the evaluation to fail');
      },
      error => error,
    );
}

describe('ReadinessDraftClient', () => {
  it.each([500, 502, 503])(
    'says only the status of a server error (%i), not its message',
    async status => {
      const error = await evaluateAgainst(
        status,
        backstageError(
          'Error',
          'select * from "readiness_results" - connect ECONNREFUSED db.internal:5432',
        ),
      );

      expect(error).not.toBeInstanceOf(InputError);
      expect(error.message).toMatch(
        new RegExp(
          `^The readiness backend failed with ${status} [\\w ]+; its logs say why$`,
        ),
      );
      expect(error.message).not.toMatch(/select|internal/);
    },
  );

  it('keeps the message of a refused request (400) as an input error', async () => {
    const error = await evaluateAgainst(
      400,
      backstageError(
        'InputError',
        'entity.metadata.name must be a valid entity name',
      ),
    );

    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'entity.metadata.name must be a valid entity name',
    );
  });

  it.each([
    [403, 'NotAllowedError', 'You may not evaluate drafts'],
    [404, 'NotFoundError', 'No scorecard "x"'],
    [429, 'Error', 'Too many evaluations, try again in 10 s'],
  ])(
    'keeps the message of a %i, meant for the user',
    async (status, name, message) => {
      const error = await evaluateAgainst(
        status,
        backstageError(name, message),
      );

      expect(error.message).toBe(
        `Readiness could not evaluate the entity: ${message}`,
      );
    },
  );

  it('cuts a long message short', async () => {
    const error = await evaluateAgainst(
      404,
      backstageError('NotFoundError', 'x'.repeat(10_000)),
    );

    expect(error.message.length).toBeLessThan(2_100);
  });

  it('quotes nothing of an answer that is not JSON', async () => {
    const error = await evaluateAgainst(200, '<html>secret proxy page</html>');

    expect(error.message).toBe('Readiness answered something other than JSON');
  });
});
