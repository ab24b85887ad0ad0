import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { sleep } from './abort';
import { collectEach } from './collectEach';
import { ConcurrencyLimiter } from './ConcurrencyLimiter';

const component = (name: string, namespace?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace },
});

/** Fails for entities named `broken…`, else gives the name as a fact. */
async function collectOne(entity: Entity) {
  await sleep(1);
  if (entity.metadata.name.startsWith('broken')) {
    throw new Error(`no facts for ${entity.metadata.name}`);
  }
  return { 'test.name': entity.metadata.name };
}

describe('collectEach', () => {
  it('gives the facts of each entity by stringified entity ref', async () => {
    const refs: string[] = [];
    const facts = await collectEach(
      [component('A'), component('b', 'Shop')],
      { logger: mockServices.logger.mock() },
      async (entity, ref) => {
        refs.push(ref);
        return collectOne(entity);
      },
    );
    expect(refs).toEqual(['component:default/a', 'component:shop/b']);
    expect(facts).toEqual(
      new Map([
        ['component:default/a', { 'test.name': 'A' }],
        ['component:shop/b', { 'test.name': 'b' }],
      ]),
    );
  });

  it('leaves out the entities that fail, with a warning', async () => {
    const logger = mockServices.logger.mock();
    const facts = await collectEach(
      [component('a'), component('broken')],
      { logger },
      collectOne,
    );
    expect([...facts.keys()]).toEqual(['component:default/a']);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not collect the facts of component:default/broken: no facts for broken',
    );
  });

  it('names the source of the facts in the warning', async () => {
    const logger = mockServices.logger.mock();
    await collectEach(
      [component('a'), component('broken')],
      { logger, source: 'Test' },
      collectOne,
    );
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not collect the Test facts of component:default/broken: no facts for broken',
    );
  });

  it('throws the first error when every entity fails, warning of each in a batch of several', async () => {
    const logger = mockServices.logger.mock();
    await expect(
      collectEach(
        [component('broken-1'), component('broken-2')],
        {
          logger,
          warning: (ref, error) => `${ref}: ${(error as Error).message}`,
        },
        collectOne,
      ),
    ).rejects.toThrow('no facts for broken-1');
    expect(logger.warn.mock.calls).toEqual([
      ['component:default/broken-1: no facts for broken-1'],
      ['component:default/broken-2: no facts for broken-2'],
    ]);

    const single = mockServices.logger.mock();
    await expect(
      collectEach([component('broken')], { logger: single }, collectOne),
    ).rejects.toThrow('no facts for broken');
    expect(single.warn).not.toHaveBeenCalled();
  });

  it('gives an empty map for an empty batch', async () => {
    const facts = await collectEach(
      [],
      { logger: mockServices.logger.mock() },
      collectOne,
    );
    expect(facts.size).toBe(0);
  });

  it.each([
    ['a number', 2, 2],
    ['a shared limiter', new ConcurrencyLimiter(2), 2],
    ['no limit', undefined, 5],
  ])(
    'collects entities at once within the concurrency, given %s',
    async (_, concurrency, expected) => {
      let running = 0;
      let most = 0;
      const facts = await collectEach(
        ['a', 'b', 'c', 'd', 'e'].map(name => component(name)),
        { logger: mockServices.logger.mock(), concurrency },
        async entity => {
          running += 1;
          most = Math.max(most, running);
          await sleep(5);
          running -= 1;
          return collectOne(entity);
        },
      );
      expect(facts.size).toBe(5);
      expect(most).toBe(expected);
    },
  );

  it('does not start waiting entities once the signal is aborted', async () => {
    const controller = new AbortController();
    const started: string[] = [];
    const collecting = collectEach(
      [component('a'), component('b')],
      {
        logger: mockServices.logger.mock(),
        signal: controller.signal,
        concurrency: 1,
      },
      async entity => {
        started.push(entity.metadata.name);
        controller.abort(new Error('the deadline passed'));
        throw new Error('cancelled');
      },
    );
    await expect(collecting).rejects.toThrow('cancelled');
    expect(started).toEqual(['a']);
  });
});
