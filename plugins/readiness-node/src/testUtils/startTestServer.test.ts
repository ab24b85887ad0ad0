import { sendJson, startTestServer, TestServer } from './startTestServer';

describe('startTestServer', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('records each request and answers with the handler', async () => {
    server = await startTestServer(({ url }, res) =>
      sendJson(res, { path: url.pathname }, 201, { 'x-test': 'yes' }),
    );
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const before = Date.now();
    const response = await fetch(`${server.baseUrl}/a/b?c=1`, {
      method: 'POST',
      headers: { authorization: 'Bearer t' },
      body: '{"d":2}',
    });

    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-test')).toBe('yes');
    expect(await response.json()).toEqual({ path: '/a/b' });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request.method).toBe('POST');
    expect(request.url.pathname).toBe('/a/b');
    expect(request.url.searchParams.get('c')).toBe('1');
    expect(request.headers.authorization).toBe('Bearer t');
    expect(request.body).toBe('{"d":2}');
    expect(request.at).toBeGreaterThanOrEqual(before);
  });

  it('answers 599 when the handler throws', async () => {
    server = await startTestServer(() => {
      throw new Error('handler broke');
    });
    const response = await fetch(server.baseUrl);
    expect(response.status).toBe(599);
    expect(await response.text()).toBe('Error: handler broke');
  });

  it('counts the most requests open at once', async () => {
    let release!: () => void;
    const released = new Promise<void>(resolve => (release = resolve));
    server = await startTestServer(async (_, res) => {
      await released;
      sendJson(res, '{}');
    });
    const baseUrl = server.baseUrl;
    const answers = Promise.all([1, 2, 3].map(() => fetch(baseUrl)));
    while (server.requests.length < 3) {
      await new Promise(resolve => setTimeout(resolve, 5));
    }
    release();
    await answers;
    expect(server.maxInFlight).toBe(3);
  });

  it('closes with requests still hanging', async () => {
    server = await startTestServer(() => undefined);
    const hanging = fetch(server.baseUrl).catch(error => error);
    while (server.requests.length < 1) {
      await new Promise(resolve => setTimeout(resolve, 5));
    }
    await server.close();
    server = undefined;
    // fetch's TypeError comes from another realm than the test's Error.
    expect(await hanging).toHaveProperty('message', 'fetch failed');
  });
});
