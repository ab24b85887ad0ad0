import { createMockDirectory } from '@backstage/backend-test-utils';
import {
  DEFAULT_LISTING_LIMITS,
  listWorkspaceFiles,
} from './listWorkspaceFiles';

describe('listWorkspaceFiles', () => {
  it('lists relative "/" paths without .git and node_modules, links unfollowed', async () => {
    const outside = createMockDirectory({
      content: { 'secret.txt': 'x', deep: { 'a.txt': 'y' } },
    });
    const dir = createMockDirectory({
      content: {
        'README.md': '# x',
        '.github': { workflows: { 'ci.yml': 'on: push' } },
        '.git': { HEAD: 'ref' },
        node_modules: { left: { 'index.js': '' } },
        src: { lib: { 'index.ts': '' } },
        linked: ctx => ctx.symlink(outside.resolve('deep')),
      },
    });

    expect(await listWorkspaceFiles(dir.path)).toEqual({
      paths: [
        '.github/workflows/ci.yml',
        'README.md',
        'linked',
        'src/lib/index.ts',
      ],
      skipped: 0,
    });
  });

  it('gives no listing past the file limit, saying why', async () => {
    const dir = createMockDirectory({
      content: { a: '', b: '', c: { d: '' } },
    });

    expect(
      await listWorkspaceFiles(dir.path, {
        ...DEFAULT_LISTING_LIMITS,
        maxFiles: 2,
      }),
    ).toEqual({ tooLarge: 'the workspace has more than 2 files' });
  });

  it('gives no listing past the entry limit, directories counted', async () => {
    const dir = createMockDirectory({
      content: { one: { two: { three: { 'four.txt': '' } } } },
    });

    expect(
      await listWorkspaceFiles(dir.path, {
        ...DEFAULT_LISTING_LIMITS,
        maxEntries: 3,
      }),
    ).toEqual({
      tooLarge: 'the workspace has more than 3 files and directories',
    });
  });

  it('measures the paths in bytes of JSON, as the backend limits the body', async () => {
    // 10 characters, 30 bytes in UTF-8: 32 bytes of JSON with the quotes.
    const dir = createMockDirectory({ content: { ['€'.repeat(10)]: '' } });
    const limited = (maxJsonBytes: number) =>
      listWorkspaceFiles(dir.path, { ...DEFAULT_LISTING_LIMITS, maxJsonBytes });

    expect(await limited(40)).toEqual({ paths: ['€'.repeat(10)], skipped: 0 });
    expect(await limited(30)).toEqual({
      tooLarge: "the workspace's paths take more than 30 bytes of JSON",
    });
  });

  it('leaves room in the default body limit for the largest entity', () => {
    expect(DEFAULT_LISTING_LIMITS).toEqual({
      maxFiles: 20_000,
      maxPathLength: 1_024,
      maxJsonBytes: 6 * 256 * 1024 + 64 * 1024 - 256 * 1024 - 16 * 1024,
      maxEntries: 100_000,
    });
  });

  it('skips paths the backend refuses, counting them', async () => {
    const dir = createMockDirectory({
      content: {
        'ok.txt': '',
        'back\\slash.txt': '',
        'C:drive.txt': '',
        sub: { 'D:fine-below-the-top.txt': '' },
      },
    });

    expect(await listWorkspaceFiles(dir.path)).toEqual({
      paths: ['ok.txt', 'sub/D:fine-below-the-top.txt'],
      skipped: 2,
    });
  });

  it('stops when the task is cancelled', async () => {
    const dir = createMockDirectory({ content: { a: { b: '' } } });
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));

    await expect(
      listWorkspaceFiles(dir.path, DEFAULT_LISTING_LIMITS, controller.signal),
    ).rejects.toThrow('cancelled');
  });

  it('stops reading a huge directory at the entry limit', async () => {
    const many = Object.fromEntries(
      Array.from({ length: 2_000 }, (_, i) => [`f${i}`, '']),
    );
    const dir = createMockDirectory({ content: many });

    expect(
      await listWorkspaceFiles(dir.path, {
        ...DEFAULT_LISTING_LIMITS,
        maxEntries: 10,
      }),
    ).toEqual({
      tooLarge: 'the workspace has more than 10 files and directories',
    });
  });

  it('skips paths longer than the backend takes, counting them', async () => {
    const dir = createMockDirectory({
      content: { 'short.txt': '', ['x'.repeat(40)]: '' },
    });

    expect(
      await listWorkspaceFiles(dir.path, {
        ...DEFAULT_LISTING_LIMITS,
        maxPathLength: 20,
      }),
    ).toEqual({ paths: ['short.txt'], skipped: 1 });
  });
});
