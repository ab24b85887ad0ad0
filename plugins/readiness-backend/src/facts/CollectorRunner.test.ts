import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { CollectorError } from '@readiness/plugin-readiness-node';
import {
  collector,
  gatherWith,
  ref,
  relations,
} from '../__testUtils__/collectorRunnerFixtures';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const gather = gatherWith(databases);

describe('CollectorRunner', () => {
  it('adds the facts of each collector to the catalog facts', async () => {
    const facts = await gather([
      collector(
        'demo',
        async () => new Map([[ref, { 'demo.ok': true, 'demo.count': 2 }]]),
      ),
    ]);
    expect(facts['catalog.owner']).toMatchObject({ value: 'team-a' });
    expect(facts['demo.ok']).toEqual({
      value: true,
      source: 'demo',
      observedAt: '2026-11-25T10:00:00.000Z',
    });
    expect(facts['demo.count']).toMatchObject({ value: 2 });
  });

  it('adds facts about the owner and system it resolves', async () => {
    const facts = await gather([]);
    expect(facts['catalog.ownerMembers']).toMatchObject({ value: 1 });
    expect(facts['catalog.systemResolved']).toMatchObject({ value: false });
  });

  it('makes relation facts unavailable when the catalog fails, with an id for the details in the log', async () => {
    const logger = mockServices.logger.mock();
    const facts = await gather(
      [],
      1000,
      relations(async () => {
        throw new Error(
          'select * from "final_entities" where ... - connect ECONNREFUSED 10.0.3.7:5432',
        );
      }),
      { logger },
    );
    expect(facts['catalog.owner']).toMatchObject({ value: 'team-a' });
    const { reason } = facts['catalog.ownerMembers'] as { reason: string };
    expect(reason).toMatch(
      /^the catalog could not resolve the owner and system \(error [0-9a-f]{8} in the backend log\)$/,
    );
    const id = reason.match(/error ([0-9a-f]{8})/)![1];
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        new RegExp(
          `\\(error ${id}\\): select \\* from "final_entities".*10\\.0\\.3\\.7`,
        ),
      ),
    );
  });

  it('makes every fact of a failing collector unavailable, without its error details, and keeps the others', async () => {
    const logger = mockServices.logger.mock();
    const facts = await gather(
      [
        collector('broken', async () => {
          throw new Error(
            'GET https://ghe.internal.example:8443/api/v3/repos/acme/web answered 503',
          );
        }),
        collector(
          'demo',
          async () => new Map([[ref, { 'demo.ok': true, 'demo.count': 1 }]]),
        ),
      ],
      1000,
      undefined,
      { logger },
    );
    expect(facts['broken.ok']).toEqual({
      source: 'broken',
      reason: expect.stringMatching(
        /^collector broken failed \(error [0-9a-f]{8} in the backend log\)$/,
      ),
    });
    expect(JSON.stringify(facts)).not.toContain('internal.example');
    const id = (facts['broken.ok'] as { reason: string }).reason.match(
      /error ([0-9a-f]{8})/,
    )![1];
    const collectorWarnings = (logger.child as jest.Mock).mock.results.flatMap(
      ({ value }) =>
        (value.warn as jest.Mock).mock.calls.map(([message]) => message),
    );
    expect(collectorWarnings).toContainEqual(
      expect.stringContaining(
        `(error ${id}): GET https://ghe.internal.example:8443`,
      ),
    );
    expect(facts['broken.count']).toEqual(facts['broken.ok']);
    expect(facts['demo.ok']).toMatchObject({ value: true });
  });

  it('shows the message of an error the collector marks safe to show', async () => {
    const facts = await gather([
      collector('picky', async () => {
        throw new CollectorError('repository acme/web not found', {
          cause: new Error('GET https://ghe.internal.example/api answered 404'),
        });
      }),
    ]);
    expect(facts['picky.ok']).toEqual({
      source: 'picky',
      reason: 'collector picky failed: repository acme/web not found',
    });
  });

  it('gives up on a slow collector at the timeout and aborts it', async () => {
    let signal: AbortSignal | undefined;
    const facts = await gather(
      [
        collector('slow', (_entities, context) => {
          signal = context.signal;
          return new Promise(() => {});
        }),
      ],
      20,
    );
    expect(facts['slow.ok']).toEqual({
      source: 'slow',
      reason: 'collector slow failed: timed out after 20 ms',
    });
    expect(signal?.aborted).toBe(true);
  });

  it('keeps the valid part of a malformed result', async () => {
    const facts = await gather([
      collector(
        'sloppy',
        async () => new Map([[ref, { 'sloppy.ok': 'yes', 'sloppy.count': 4 }]]),
      ),
    ]);
    expect(facts['sloppy.ok']).toEqual({
      source: 'sloppy',
      reason: 'collector sloppy returned no valid value',
    });
    expect(facts['sloppy.count']).toMatchObject({ value: 4 });
  });

  it('makes the facts of a collector turned off in app-config unavailable, saying so', async () => {
    const collect = jest.fn();
    const facts = await gather([collector('off', collect)]);
    expect(collect).not.toHaveBeenCalled();
    expect(facts['off.ok']).toEqual({
      source: 'off',
      reason: 'collector off is turned off (readiness.collectors.off.enabled)',
    });
  });

  it('skips collectors that do not apply to the entity', async () => {
    const collect = jest.fn();
    const facts = await gather([
      collector('apis', collect, { appliesTo: { kind: 'api' } }),
    ]);
    expect(collect).not.toHaveBeenCalled();
    expect(facts['apis.ok']).toBeUndefined();
  });
});
