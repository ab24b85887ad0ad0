/**
 * Records when the client sends each request (`fetch` is called), for
 * tests of spacing: arrival times at a test server carry the machine's
 * scheduling jitter, send times only what the client decided.
 */
export function recordSends(): { times: number[]; restore: () => void } {
  const times: number[] = [];
  const realFetch = global.fetch;
  const spy = jest
    .spyOn(global, 'fetch')
    .mockImplementation((...args: Parameters<typeof fetch>) => {
      times.push(performance.now());
      return realFetch(...args);
    });
  return { times, restore: () => spy.mockRestore() };
}
