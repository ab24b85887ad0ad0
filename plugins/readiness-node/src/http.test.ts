import {
  describeError,
  parseRetryAfter,
  readResponseText,
  ResponseTooLargeError,
} from './http';
import { sendEndless, startTestServer, TestServer } from './testUtils';

describe('describeError', () => {
  it("prefers the network's reason that fetch puts in cause", () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });
    expect(describeError(new TypeError('fetch failed', { cause }))).toBe(
      'connect ECONNREFUSED 127.0.0.1:1',
    );
    const silent = Object.assign(new AggregateError([], ''), {
      code: 'ECONNREFUSED',
    });
    expect(
      describeError(new TypeError('fetch failed', { cause: silent })),
    ).toBe('ECONNREFUSED');
  });

  it("is else the error's message, or the value", () => {
    expect(describeError(new Error('boom'))).toBe('boom');
    expect(describeError('just a string')).toBe('just a string');
    expect(describeError(undefined)).toBe('undefined');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2030-01-01T00:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(' 3 ', now)).toBe(3000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
  });

  it('reads an HTTP date, and 0 for one that has passed', () => {
    expect(parseRetryAfter('Tue, 01 Jan 2030 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Mon, 31 Dec 2029 00:00:00 GMT', now)).toBe(0);
  });

  it('is undefined without a header, or for one it cannot read', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter(' ', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

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
