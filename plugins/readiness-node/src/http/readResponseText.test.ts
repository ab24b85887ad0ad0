import {
  readResponseText,
  ResponseTooLargeError,
} from '@readiness/plugin-readiness-common';
import { sendEndless, startTestServer, TestServer } from '../testUtils';

describe('readResponseText', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('reads a body within the limit', async () => {
    server = await startTestServer((_, res) => res.end('hello'));
    const response = await fetch(server.baseUrl);
    expect(await readResponseText(response, 5)).toBe('hello');
  });

  it('refuses a Content-Length over the limit without reading the body', async () => {
    server = await startTestServer((_, res) =>
      res.writeHead(200, { 'content-length': '6' }).end('hello!'),
    );
    const response = await fetch(server.baseUrl);
    await expect(readResponseText(response, 5)).rejects.toThrow(
      new ResponseTooLargeError(5),
    );
  });

  it('stops reading an endless body once it passes the limit', async () => {
    let written: Promise<number> | undefined;
    server = await startTestServer((_, res) => {
      written = sendEndless(res, Buffer.alloc(64 * 1024, 'a'));
    });
    const response = await fetch(server.baseUrl);
    await expect(readResponseText(response, 1024 * 1024)).rejects.toThrow(
      'the response is larger than 1048576 bytes',
    );
    // The server stops when the client goes: far less than an endless body.
    expect(await written).toBeLessThan(16 * 1024 * 1024);
  });
});
