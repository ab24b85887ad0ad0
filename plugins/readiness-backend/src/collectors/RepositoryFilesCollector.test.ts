import { mockServices } from '@backstage/backend-test-utils';
import { UrlReaderServiceReadTreeResponse } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { RepositoryFilesCollector } from './RepositoryFilesCollector';

const component = (name: string, location?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: location
      ? { 'backstage.io/source-location': location }
      : undefined,
  },
  spec: { type: 'service' },
});

function tree(paths: string[]): UrlReaderServiceReadTreeResponse {
  return {
    files: async () =>
      paths.map(path => ({ path, content: async () => Buffer.from('') })),
  } as unknown as UrlReaderServiceReadTreeResponse;
}

const context = {
  logger: mockServices.logger.mock(),
  signal: new AbortController().signal,
  deadline: new Date(Date.now() + 10_000),
};

describe('RepositoryFilesCollector', () => {
  it('reads the tree at the source location into repository facts', async () => {
    const urlReader = mockServices.urlReader.mock({
      readTree: jest.fn(async () =>
        tree(['README.md', '.github/workflows/ci.yml', 'src/a.test.ts']),
      ),
    });
    const collector = new RepositoryFilesCollector(urlReader);

    const facts = await collector.collect(
      [component('a', 'url:https://git.example/acme/a/tree/main/')],
      context,
    );

    expect(urlReader.readTree).toHaveBeenCalledWith(
      'https://git.example/acme/a/tree/main/',
      { signal: context.signal },
    );
    expect(facts.get('component:default/a')).toMatchObject({
      'repository.readme': true,
      'repository.ciWorkflows': ['.github/workflows/ci.yml'],
      'repository.unitTests': true,
      'repository.dockerfile': false,
    });
  });

  it('applies only to entities with a source location', () => {
    const collector = new RepositoryFilesCollector(
      mockServices.urlReader.mock(),
    );
    expect(collector.appliesTo).toEqual({
      'metadata.annotations.backstage.io/source-location': { $exists: true },
    });
  });

  it('reads the trees of a batch one at a time', async () => {
    let reading = 0;
    let most = 0;
    const urlReader = mockServices.urlReader.mock({
      readTree: jest.fn(async () => {
        reading += 1;
        most = Math.max(most, reading);
        await new Promise(resolve => setTimeout(resolve, 5));
        reading -= 1;
        return tree(['README.md']);
      }),
    });
    const collector = new RepositoryFilesCollector(urlReader);

    const facts = await collector.collect(
      ['a', 'b', 'c'].map(name =>
        component(name, `url:https://git.example/acme/${name}/tree/main/`),
      ),
      context,
    );

    expect(facts.size).toBe(3);
    expect(most).toBe(1);
  });

  it('leaves out an entity whose tree cannot be read, and throws when all fail', async () => {
    const urlReader = mockServices.urlReader.mock({
      readTree: jest.fn(async (url: string) => {
        if (url.includes('/broken/')) {
          throw new Error('NotFoundError: repository not found');
        }
        return tree(['README.md']);
      }),
    });
    const collector = new RepositoryFilesCollector(urlReader);

    const some = await collector.collect(
      [
        component('ok', 'url:https://git.example/acme/ok/tree/main/'),
        component('broken', 'url:https://git.example/acme/broken/tree/main/'),
      ],
      context,
    );
    expect([...some.keys()]).toEqual(['component:default/ok']);
    expect(context.logger.warn).toHaveBeenCalledWith(
      'Could not read the repository of component:default/broken: Error: NotFoundError: repository not found',
    );

    await expect(
      collector.collect(
        [component('broken', 'url:https://git.example/acme/broken/tree/main/')],
        context,
      ),
    ).rejects.toThrow('NotFoundError: repository not found');
    await expect(
      collector.collect([component('dir', 'file:./here')], context),
    ).rejects.toThrow(
      'backstage.io/source-location "file:./here" is not a url: location to read files from',
    );
  });
});
