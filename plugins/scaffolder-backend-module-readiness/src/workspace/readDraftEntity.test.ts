import { createMockDirectory } from '@backstage/backend-test-utils';
import { MAX_CATALOG_INFO_BYTES, readDraftEntity } from './readDraftEntity';

describe('readDraftEntity', () => {
  it('takes the first Component, API, Resource or System, whatever the case of its kind', async () => {
    const dir = createMockDirectory({
      content: {
        'all.yaml': [
          'kind: Location',
          '---',
          'kind: api',
          'metadata: { name: first }',
          '---',
          'kind: Component',
          'metadata: { name: second }',
        ].join('\n'),
      },
    });

    const entity = await readDraftEntity(dir.path, 'all.yaml');

    expect(entity.metadata.name).toBe('first');
  });

  it('refuses a file over 256 KiB unread, naming it', async () => {
    const dir = createMockDirectory({
      content: {
        'catalog-info.yaml': `kind: Component\n#${'x'.repeat(
          MAX_CATALOG_INFO_BYTES,
        )}`,
      },
    });

    await expect(
      readDraftEntity(dir.path, 'catalog-info.yaml'),
    ).rejects.toThrow(
      /^catalog-info\.yaml is \d+ bytes; a catalog-info file may have at most 262144$/,
    );
  });

  it('refuses a directory and an overlong path', async () => {
    const dir = createMockDirectory({ content: { sub: {} } });

    await expect(readDraftEntity(dir.path, 'sub')).rejects.toThrow(
      'sub is not a file',
    );
    await expect(readDraftEntity(dir.path, 'x'.repeat(1025))).rejects.toThrow(
      'catalogInfoPath must be a path of at most 1024 characters',
    );
  });

  it('refuses YAML whose aliases would expand without bound', async () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'kind: Component',
    ].join('\n');
    const dir = createMockDirectory({ content: { 'bomb.yaml': bomb } });

    await expect(readDraftEntity(dir.path, 'bomb.yaml')).rejects.toThrow(
      /^bomb\.yaml has more than 16 anchors and aliases/,
    );
  });

  it('refuses an entity whose aliases make it larger than the backend takes', async () => {
    const text = [
      'kind: Component',
      `metadata: { name: big, description: &d "${'x'.repeat(100_000)}" }`,
      `spec: { copies: [${Array(10).fill('*d').join(', ')}] }`,
    ].join('\n');
    const dir = createMockDirectory({ content: { 'big.yaml': text } });

    await expect(readDraftEntity(dir.path, 'big.yaml')).rejects.toThrow(
      /^big\.yaml holds an entity of more than 262144 characters of JSON, aliases expanded; the readiness backend takes at most 262144 bytes$/,
    );
  });
});
