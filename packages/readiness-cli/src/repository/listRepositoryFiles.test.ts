import path from 'node:path';
import { writeTempFiles } from '../testUtils';
import { listRepositoryFiles } from './listRepositoryFiles';

describe('listRepositoryFiles', () => {
  it('lists files as sorted relative paths, without .git and node_modules', () => {
    const dir = writeTempFiles({
      'README.md': '',
      '.github/workflows/ci.yml': '',
      'src/index.ts': '',
      'src/node_modules/x/index.js': '',
      '.git/HEAD': '',
      Dockerfile: '',
    });
    expect(listRepositoryFiles('.', dir)).toEqual([
      '.github/workflows/ci.yml',
      'Dockerfile',
      'README.md',
      'src/index.ts',
    ]);
    expect(listRepositoryFiles(dir, '/')).toEqual(
      listRepositoryFiles(path.basename(dir), path.dirname(dir)),
    );
  });

  it('rejects a missing directory or a file', () => {
    const dir = writeTempFiles({ 'README.md': '' });
    expect(() => listRepositoryFiles('nope', dir)).toThrow(
      'cannot read nope: no such file or directory',
    );
    expect(() => listRepositoryFiles('README.md', dir)).toThrow(
      '--repo README.md is not a directory',
    );
  });
});
