import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { CollectedFacts, FactCollectorContext } from './collectors';
import { PerEntityFactCollector } from './PerEntityFactCollector';

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name },
});

/** Gives each entity's name as a fact, and fails for `broken…`. */
class NameCollector extends PerEntityFactCollector {
  readonly id = 'test';
  readonly facts = [];
  protected readonly batchOptions = { source: 'Test', concurrency: 1 };
  readonly seen: string[] = [];

  protected async collectOne(
    entity: Entity,
    context: FactCollectorContext,
  ): Promise<CollectedFacts> {
    this.seen.push(`${entity.metadata.name}@${context.deadline.getTime()}`);
    if (entity.metadata.name.startsWith('broken')) {
      throw new Error(`no facts for ${entity.metadata.name}`);
    }
    return { 'test.name': entity.metadata.name };
  }
}

describe('PerEntityFactCollector', () => {
  it('collects each entity with its context, warning of those that fail in the batch options wording', async () => {
    const collector = new NameCollector();
    const logger = mockServices.logger.mock();
    const context = {
      logger,
      signal: new AbortController().signal,
      deadline: new Date(1000),
    };
    const facts = await collector.collect(
      [component('a'), component('broken')],
      context,
    );
    expect(facts).toEqual(
      new Map([['component:default/a', { 'test.name': 'a' }]]),
    );
    expect(collector.seen).toEqual(['a@1000', 'broken@1000']);
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not collect the Test facts of component:default/broken: no facts for broken',
    );
  });

  it('does not start waiting entities once the context is aborted', async () => {
    const collector = new NameCollector();
    const controller = new AbortController();
    controller.abort(new Error('the deadline passed'));
    await expect(
      collector.collect([component('a'), component('b')], {
        logger: mockServices.logger.mock(),
        signal: controller.signal,
        deadline: new Date(),
      }),
    ).rejects.toThrow();
    expect(collector.seen).toEqual([]);
  });
});
