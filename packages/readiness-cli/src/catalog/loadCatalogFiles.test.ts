import fs from 'node:fs';
import path from 'node:path';
import { SKELETON_YAML, writeTempFiles } from '../testUtils';
import { loadCatalogFiles } from './loadCatalogFiles';

const component = (name: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
spec:
  type: service
`;

describe('loadCatalogFiles', () => {
  it('reads every YAML document of files and directories, once each', () => {
    const dir = writeTempFiles({
      'catalog/b.yaml': `${component('b')}---\n${component('c')}`,
      'catalog/a/a.yml': component('a'),
      'catalog/package.json': '{}',
      'catalog/node_modules/x/catalog-info.yaml': component('vendored'),
      'location.yaml': `apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: all
spec:
  target: ./catalog/b.yaml
`,
    });
    const { entities, warnings } = loadCatalogFiles(
      ['catalog', 'location.yaml', 'catalog/a/a.yml'],
      dir,
    );
    expect(entities.map(e => [e.ref, e.location])).toEqual([
      ['component:default/a', 'catalog/a/a.yml:1'],
      ['component:default/b', 'catalog/b.yaml:1'],
      ['component:default/c', 'catalog/b.yaml:8'],
      ['location:default/all', 'location.yaml:1'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('skips documents that are not entities, and second definitions, with a warning', () => {
    const dir = writeTempFiles({
      'catalog.yaml': `# a comment
kind: Component
spec: {}
---
- a list
---
${component('Dup')}---
${component('${{ values.name }}')}---
${component('dup')}---
`,
    });
    expect(loadCatalogFiles(['catalog.yaml'], dir)).toEqual({
      entities: [expect.objectContaining({ ref: 'component:default/dup' })],
      warnings: [
        'catalog.yaml:2: skipped a document without metadata.name',
        'catalog.yaml:5: skipped a document that is not a mapping',
        'catalog.yaml:14: skipped a document with an invalid metadata.name "${{ values.name }}"',
        'catalog.yaml:21: skipped component:default/dup, already defined at catalog.yaml:7',
      ],
      unparsable: [],
      fileCount: 1,
    });
  });

  it('reports broken YAML and unreadable paths as errors naming them', () => {
    const dir = writeTempFiles({
      'ok.yaml': component('ok'),
      'broken.yaml': `${component(
        'ok2',
      )}---\nkind: Component\nmetadata: {name: x\n`,
      'empty/notes.md': '',
    });
    expect(() => loadCatalogFiles(['ok.yaml', 'broken.yaml'], dir)).toThrow(
      /^broken\.yaml:10:1: invalid YAML: Flow map /,
    );
    expect(() => loadCatalogFiles(['gone.yaml'], dir)).toThrow(
      'cannot read gone.yaml: no such file or directory',
    );
    expect(() => loadCatalogFiles(['empty'], dir)).toThrow(
      'empty holds no .yaml or .yml files',
    );
  });

  it('reads nothing outside the directory given, however a file points there', () => {
    const dir = writeTempFiles({
      'outside/secret.yaml': component('secret'),
      'catalog/in/b.yaml': component('b'),
    });
    const secret = path.join(dir, 'outside/secret.yaml');
    fs.symlinkSync(secret, path.join(dir, 'catalog/in/linked.yml'));
    fs.symlinkSync('../outside', path.join(dir, 'catalog/out'));
    fs.writeFileSync(
      path.join(dir, 'catalog/location.yaml'),
      `apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: all
spec:
  targets:
    - ./in/b.yaml
    - ../outside/secret.yaml
    - in/../../outside/secret.yaml
    - ${secret}
    - ./in/linked.yml
    - ./out/secret.yaml
    - https://example.com/catalog-info.yaml
`,
    );

    for (const args of [['catalog'], ['catalog/location.yaml']]) {
      const { entities, warnings } = loadCatalogFiles(args, dir);
      expect(entities.map(e => e.ref).sort()).toEqual([
        'component:default/b',
        'location:default/all',
      ]);
      const location = 'catalog/location.yaml:1';
      expect(warnings).toEqual(
        expect.arrayContaining([
          `${location}: location target ../outside/secret.yaml is not followed: it resolves to a file outside catalog/`,
          `${location}: location target in/../../outside/secret.yaml is not followed: it resolves to a file outside catalog/`,
          `${location}: location target ${secret} is not followed: it resolves to a file outside catalog/`,
          `${location}: location target ./in/linked.yml is not followed: it resolves to a file outside catalog/`,
          `${location}: location target ./out/secret.yaml is not followed: it resolves to a file outside catalog/`,
          `${location}: location target https://example.com/catalog-info.yaml is not followed: URLs are not read (the CLI works offline)`,
        ]),
      );
    }
    // Found by walking the directory, the link out is not read either.
    expect(loadCatalogFiles(['catalog'], dir).warnings).toContain(
      'catalog/in/linked.yml: skipped: it resolves to a file outside catalog/',
    );
  });

  it('skips files found in directories that are not YAML, naming where', () => {
    const dir = writeTempFiles({
      'catalog/a.yaml': component('a'),
      'catalog/templates/service/skeleton/catalog-info.yaml': SKELETON_YAML,
      'catalog/z.yaml': `${component('z')}---
apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: more
spec:
  target: ./more/skeleton.yaml
`,
      'more/skeleton.yaml': SKELETON_YAML,
    });
    fs.renameSync(path.join(dir, 'more'), path.join(dir, 'catalog/more'));

    const loaded = loadCatalogFiles(['catalog'], dir);

    expect(loaded.entities.map(e => e.ref)).toEqual([
      'component:default/a',
      'component:default/z',
      'location:default/more',
    ]);
    expect(loaded.unparsable).toEqual([
      expect.stringMatching(
        /^catalog\/more\/skeleton\.yaml:5:\d+: invalid YAML: \S/,
      ),
      expect.stringMatching(
        /^catalog\/templates\/service\/skeleton\/catalog-info\.yaml:5:\d+: invalid YAML: \S/,
      ),
    ]);
    expect(loaded.fileCount).toBe(4);
    // Named on the command line, the same file is still an error.
    expect(() =>
      loadCatalogFiles(
        [
          'catalog/a.yaml',
          'catalog/templates/service/skeleton/catalog-info.yaml',
        ],
        dir,
      ),
    ).toThrow(
      /^catalog\/templates\/service\/skeleton\/catalog-info\.yaml:5:\d+: invalid YAML: /,
    );
  });
});
