import { Readable } from 'node:stream';
import { mockServices } from '@backstage/backend-test-utils';
import {
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
} from '@backstage/backend-plugin-api';
import {
  ReadTreeResponseFactory,
  UrlReaders,
} from '@backstage/backend-defaults/urlReader';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
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
      { signal: expect.any(AbortSignal), filter: expect.any(Function) },
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

  describe('reading names only', () => {
    /**
     * A reader that honours `filter` as Backstage's archive readers do: a
     * file the filter keeps has its content read (recorded), the others are
     * skipped. It also records whether its signal was aborted.
     */
    function recordingReader(files: Record<string, number>) {
      const contentRead: string[] = [];
      const seen: string[] = [];
      let aborted = false;
      const urlReader = mockServices.urlReader.mock({
        readTree: jest.fn(
          async (_url: string, options?: UrlReaderServiceReadTreeOptions) => ({
            etag: '',
            archive: async () => Readable.from([]),
            dir: async () => '',
            files: async () => {
              options?.signal?.addEventListener('abort', () => {
                aborted = true;
              });
              const kept = [];
              for (const [path, size] of Object.entries(files)) {
                if (options?.signal?.aborted) {
                  throw new Error('aborted');
                }
                seen.push(path);
                if (options?.filter && !options.filter(path, { size })) {
                  continue;
                }
                contentRead.push(path);
                kept.push({
                  path,
                  content: async () => Buffer.alloc(size),
                });
              }
              return kept;
            },
          }),
        ),
      });
      return {
        urlReader,
        contentRead,
        seen,
        aborted: () => aborted,
      };
    }

    const entity = component('a', 'url:https://git.example/acme/a/tree/main/');

    it('reads no file content to list the paths', async () => {
      const reader = recordingReader({
        'README.md': 1000,
        '.github/workflows/ci.yml': 200,
        'src/a.test.ts': 5_000_000,
      });
      const facts = await new RepositoryFilesCollector(
        reader.urlReader,
      ).collect([entity], context);
      expect(reader.contentRead).toEqual([]);
      expect(facts.get('component:default/a')).toMatchObject({
        'repository.readme': true,
        'repository.ciWorkflows': ['.github/workflows/ci.yml'],
        'repository.unitTests': true,
      });
    });

    it('keeps no file of a real tar archive, as GitHub and GitLab serve trees', async () => {
      let factory: ReadTreeResponseFactory | undefined;
      UrlReaders.create({
        config: mockServices.rootConfig(),
        logger: mockServices.logger.mock(),
        factories: [
          ({ treeResponseFactory }) => {
            factory = treeResponseFactory;
            return [];
          },
        ],
      });
      let kept: unknown[] | undefined;
      const urlReader = mockServices.urlReader.mock({
        readTree: jest.fn(async (_url, options) => {
          const archive = await factory!.fromTarArchive({
            stream: Readable.from(
              tarOf({
                'README.md': 'x'.repeat(10_000),
                Dockerfile: 'FROM scratch',
                'src/big.test.ts': 'y'.repeat(1_000_000),
              }),
            ),
            etag: 'sha',
            filter: options?.filter,
          });
          const files = archive.files.bind(archive);
          archive.files = async () => {
            const listed = await files();
            kept = listed;
            return listed;
          };
          return archive;
        }),
      });
      const facts = await new RepositoryFilesCollector(urlReader).collect(
        [entity],
        context,
      );
      // Without a filter, the archive reader buffers every file's content.
      expect(kept).toEqual([]);
      expect(facts.get('component:default/a')).toMatchObject({
        'repository.readme': true,
        'repository.dockerfile': true,
        'repository.unitTests': true,
      });
    });

    it('stops past maxFiles, and says so', async () => {
      const reader = recordingReader(
        Object.fromEntries(
          Array.from({ length: 100 }, (_, i) => [`f${i}.txt`, 1]),
        ),
      );
      const collector = new RepositoryFilesCollector(reader.urlReader, {
        maxFiles: 20,
        maxBytes: 1e9,
      });
      await expect(collector.collect([entity], context)).rejects.toThrow(
        'the tree at https://git.example/acme/a/tree/main/ has more than 20 files (readiness.collectors.repository.maxFiles); its repository facts are unknown',
      );
      expect(reader.aborted()).toBe(true);
      expect(reader.seen).toHaveLength(21);
      expect(reader.contentRead).toEqual([]);
    });

    it('stops past maxBytes, and says so', async () => {
      const reader = recordingReader({ 'a.bin': 600, 'b.bin': 600, c: 1 });
      const collector = new RepositoryFilesCollector(reader.urlReader, {
        maxFiles: 100,
        maxBytes: 1000,
      });
      await expect(collector.collect([entity], context)).rejects.toThrow(
        'has more than 1000 bytes of files (readiness.collectors.repository.maxBytes)',
      );
      expect(reader.seen).toEqual(['a.bin', 'b.bin']);
    });

    it('counts the files of a reader that ignores the filter', async () => {
      const urlReader = mockServices.urlReader.mock({
        readTree: jest.fn(async () =>
          tree(Array.from({ length: 30 }, (_, i) => `f${i}`)),
        ),
      });
      const collector = new RepositoryFilesCollector(urlReader, {
        maxFiles: 20,
        maxBytes: 1000,
      });
      await expect(collector.collect([entity], context)).rejects.toThrow(
        'more than 20 files',
      );
    });

    it('reads its limits from readiness.collectors.repository', async () => {
      const reader = recordingReader({ a: 1, b: 1, c: 1 });
      const collector = RepositoryFilesCollector.fromConfig(
        new ConfigReader({
          readiness: { collectors: { repository: { maxFiles: 2 } } },
        }),
        reader.urlReader,
      );
      await expect(collector.collect([entity], context)).rejects.toThrow(
        'more than 2 files',
      );
      expect(() =>
        RepositoryFilesCollector.fromConfig(
          new ConfigReader({
            readiness: { collectors: { repository: { maxBytes: 0 } } },
          }),
          reader.urlReader,
        ),
      ).toThrow(
        'readiness.collectors.repository.maxBytes must be a whole number from 1',
      );
    });
  });
});

/** A tar archive of these files under one top directory, as GitHub serves. */
function tarOf(files: Record<string, string>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, text] of Object.entries(files)) {
    const content = Buffer.from(text);
    const header = Buffer.alloc(512);
    const field = (value: string, offset: number) =>
      header.write(value, offset, 'ascii');
    field(`repo-sha/${name}`, 0);
    field('0000644\0', 100);
    field('0000000\0', 108);
    field('0000000\0', 116);
    field(`${content.length.toString(8).padStart(11, '0')}\0`, 124);
    field('00000000000\0', 136);
    field('        ', 148);
    field('0', 156);
    field('ustar\0', 257);
    field('00', 263);
    const sum = header.reduce((total, byte) => total + byte, 0);
    field(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    const padding = Buffer.alloc((512 - (content.length % 512)) % 512);
    blocks.push(header, content, padding);
  }
  return Buffer.concat([...blocks, Buffer.alloc(1024)]);
}
