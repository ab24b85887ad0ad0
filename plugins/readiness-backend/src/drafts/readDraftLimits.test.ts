import { ConfigReader } from '@backstage/config';
import { readDraftLimits } from './readDraftLimits';

describe('readDraftLimits', () => {
  it('reads readiness.drafts, with its defaults', () => {
    expect(readDraftLimits(new ConfigReader({}))).toEqual({
      callerLimit: 30,
      callerWindowMs: 60_000,
      maxTracked: 10_000,
      maxConcurrent: 4,
    });
    expect(
      readDraftLimits(
        new ConfigReader({
          readiness: { drafts: { callerWindow: '10m', maxConcurrent: 2 } },
        }),
      ),
    ).toMatchObject({ callerWindowMs: 600_000, maxConcurrent: 2 });
    expect(() =>
      readDraftLimits(
        new ConfigReader({ readiness: { drafts: { maxConcurrent: 100 } } }),
      ),
    ).toThrow(/readiness.drafts.maxConcurrent/);
  });
});
