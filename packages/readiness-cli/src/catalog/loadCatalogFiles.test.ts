import { writeTempFiles } from '../testUtils';
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
});
