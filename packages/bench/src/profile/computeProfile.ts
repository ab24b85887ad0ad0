import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { OrganisationProfile } from './OrganisationProfile';

const round = (n: number) => Math.round(n * 10000) / 10000;

type Doc = { kind?: unknown; metadata?: any; spec?: any };

/** `owner__repo__path.yaml` → `owner/repo`, as the corpus names its files. */
function repositoryOf(file: string): string {
  return file.split('__').slice(0, 2).join('/');
}

function readDocuments(dir: string): Array<{ repository: string; doc: Doc }> {
  return fs
    .readdirSync(dir)
    .filter(file => /\.ya?ml$/.test(file))
    .flatMap(file => {
      try {
        return parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8'))
          .filter(d => d.errors.length === 0)
          .map(d => d.toJS() as Doc)
          .filter(doc => doc && typeof doc === 'object')
          .map(doc => ({ repository: repositoryOf(file), doc }));
      } catch {
        return []; // broken YAML in the corpus is skipped, as a catalog would
      }
    });
}

/** Share of items matching, averaged over repositories so none dominates. */
function shareByRepository<T>(
  items: Array<{ repository: string; item: T }>,
  keysOf: (item: T) => string[],
  top: number,
): Record<string, number> {
  const byRepository = new Map<string, T[]>();
  for (const { repository, item } of items) {
    byRepository.set(repository, [
      ...(byRepository.get(repository) ?? []),
      item,
    ]);
  }
  const totals = new Map<string, number>();
  for (const repoItems of byRepository.values()) {
    const counts = new Map<string, number>();
    for (const item of repoItems) {
      for (const key of new Set(keysOf(item))) {
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    for (const [key, count] of counts) {
      totals.set(key, (totals.get(key) ?? 0) + count / repoItems.length);
    }
  }
  return Object.fromEntries(
    [...totals]
      .map(([key, sum]) => [key, round(sum / byRepository.size)] as const)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, top),
  );
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** The profile of the catalog files in `dir` (the corpus's `catalog/`). */
export function computeProfile(dir: string): OrganisationProfile {
  const docs = readDocuments(dir).filter(d => typeof d.doc.kind === 'string');
  const components = docs
    .filter(d => d.doc.kind === 'Component')
    .map(({ repository, doc }) => ({ repository, item: doc }));
  const kindCounts = new Map<string, number>();
  for (const { doc } of docs) {
    const kind = String(doc.kind);
    kindCounts.set(kind, (kindCounts.get(kind) ?? 0) + 1);
  }
  const modelled = [
    'Component',
    'API',
    'Resource',
    'System',
    'Domain',
    'Group',
    'User',
  ];
  const modelledTotal = modelled.reduce(
    (n, k) => n + (kindCounts.get(k) ?? 0),
    0,
  );
  const fieldsOf = (doc: Doc) =>
    [
      doc.metadata?.description && 'description',
      doc.metadata?.title && 'title',
      strings(doc.metadata?.tags).length > 0 && 'tags',
      Array.isArray(doc.metadata?.links) &&
        doc.metadata.links.length > 0 &&
        'links',
      doc.spec?.system && 'system',
      strings(doc.spec?.dependsOn).length > 0 && 'dependsOn',
      strings(doc.spec?.providesApis).length > 0 && 'providesApis',
      strings(doc.spec?.consumesApis).length > 0 && 'consumesApis',
    ].filter((f): f is string => typeof f === 'string');
  return {
    source: {
      repositories: new Set(docs.map(d => d.repository)).size,
      documents: docs.length,
      components: components.length,
    },
    kinds: Object.fromEntries(
      modelled.map(kind => [
        kind,
        round((kindCounts.get(kind) ?? 0) / modelledTotal),
      ]),
    ),
    componentFields: shareByRepository(components, fieldsOf, 20),
    annotations: shareByRepository(
      components,
      doc => Object.keys(doc.metadata?.annotations ?? {}),
      40,
    ),
    linkTypes: shareByRepository(
      components,
      doc =>
        (Array.isArray(doc.metadata?.links) ? doc.metadata.links : [])
          .map((l: any) =>
            typeof l?.type === 'string' ? l.type.toLowerCase() : '',
          )
          .filter(Boolean),
      15,
    ),
    types: shareByRepository(
      components,
      doc => [String(doc.spec?.type ?? '')],
      10,
    ),
    lifecycles: shareByRepository(
      components,
      doc => [String(doc.spec?.lifecycle ?? '')],
      8,
    ),
    tags: shareByRepository(components, doc => strings(doc.metadata?.tags), 30),
  };
}
