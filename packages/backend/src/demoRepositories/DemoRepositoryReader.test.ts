import fs from 'node:fs';
import { mockServices } from '@backstage/backend-test-utils';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { demoRepositoryReaders } from '.';

describe('demo repositories', () => {
  function reader() {
    return UrlReaders.default({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
      factories: [demoRepositoryReaders],
    });
  }

  it('reads a demo repository tree from examples/repositories, ahead of GitHub', async () => {
    const urls = reader();
    const tree = await urls.readTree(
      'https://github.com/acme-demo/payments-service/tree/main/',
    );
    const files = (await tree.files()).map(f => f.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'README.md',
        '.github/workflows/ci.yml',
        'Dockerfile',
      ]),
    );
    const readme = await urls.readUrl(
      'https://github.com/acme-demo/payments-service/blob/main/README.md',
    );
    expect((await readme.buffer()).toString()).toContain('# payments-service');
  });

  it('fails clearly for a repository the demo does not have, and stays inside it', async () => {
    const urls = reader();
    await expect(
      urls.readTree('https://github.com/acme-demo/nope/tree/main/'),
    ).rejects.toThrow(
      'No demo repository directory for https://github.com/acme-demo/nope/tree/main/',
    );
    await expect(
      urls.readUrl(
        'https://github.com/acme-demo/payments-service/blob/main/..%2F..%2Fapp-config.yaml',
      ),
    ).rejects.toThrow('points outside its demo repository');
  });

  it('honours readTree filter, reading only the content that is asked for', async () => {
    const readFile = jest.spyOn(fs.promises, 'readFile');
    const readFileSync = jest.spyOn(fs, 'readFileSync');
    try {
      const seen: Array<[string, number | undefined]> = [];
      const tree = await reader().readTree(
        'https://github.com/acme-demo/payments-service/tree/main/',
        {
          filter: (path, info) => {
            seen.push([path, info?.size]);
            return path === 'README.md';
          },
        },
      );
      expect(seen).toEqual(
        expect.arrayContaining([
          ['README.md', expect.any(Number)],
          ['Dockerfile', expect.any(Number)],
        ]),
      );
      const files = await tree.files();
      expect(files.map(f => f.path)).toEqual(['README.md']);
      expect(readFile).not.toHaveBeenCalled();
      expect(readFileSync).not.toHaveBeenCalled();
      expect((await files[0].content()).toString()).toContain(
        '# payments-service',
      );
      expect(readFile).toHaveBeenCalledTimes(1);
    } finally {
      readFile.mockRestore();
      readFileSync.mockRestore();
    }
  });
});
