import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { evaluateScorecard } from '../engine';
import { loadBuiltInScorecards } from '../testUtils/builtInScorecards';
import { FactDefinition, FactValue } from '../types';
import { CATALOG_FACTS, CatalogRelations, catalogFacts } from './catalogFacts';

/*
 * Every catalog file of the real-world corpus (../shared/corpus/catalog from
 * the repository root): public catalog-info files with every quirk real
 * catalogs have (templated values, e-mail owners, wrong kinds of refs,
 * custom kinds, invalid names, files that are not YAML at all).
 */
const repoRoot = path.resolve(__dirname, '../../../..');
const corpusDir = path.resolve(repoRoot, '../shared/corpus/catalog');
const now = new Date('2026-11-25T10:00:00Z');

interface Corpus {
  files: number;
  /** Files the catalog's YAML parser rejects, with the first error. */
  invalidYaml: string[];
  /** Documents with a `kind`, from the files that parse. */
  entities: Array<{ file: string; entity: Entity }>;
  /** Non-empty documents that have no `kind`. */
  withoutKind: number;
}

function readCorpus(): Corpus {
  const corpus: Corpus = {
    files: 0,
    invalidYaml: [],
    entities: [],
    withoutKind: 0,
  };
  for (const file of fs.readdirSync(corpusDir).sort()) {
    corpus.files++;
    const docs = parseAllDocuments(
      fs.readFileSync(path.join(corpusDir, file), 'utf8'),
    );
    const errors = docs.flatMap(doc => doc.errors);
    if (errors.length > 0) {
      corpus.invalidYaml.push(`${file}: ${errors[0].code}`);
      continue;
    }
    for (const doc of docs) {
      const value: unknown = doc.toJS();
      if (value === null || value === undefined) {
        continue;
      }
      if (
        typeof value === 'object' &&
        !Array.isArray(value) &&
        'kind' in value
      ) {
        corpus.entities.push({ file, entity: value as Entity });
      } else {
        corpus.withoutKind++;
      }
    }
  }
  return corpus;
}

function refOf(value: unknown, kind: string): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  try {
    return stringifyEntityRef(parseEntityRef(value, { defaultKind: kind }));
  } catch {
    return undefined;
  }
}

function fits(definition: FactDefinition, value: FactValue): boolean {
  if (value === null) {
    return true;
  }
  switch (definition.type) {
    case 'string-list':
      return Array.isArray(value) && value.every(v => typeof v === 'string');
    case 'string-map':
      return (
        typeof value === 'object' &&
        !Array.isArray(value) &&
        Object.values(value).every(v => typeof v === 'string')
      );
    default:
      return typeof value === definition.type;
  }
}

// The corpus lives in the workspace's shared folder beside the repository
// (CI has it); a clone elsewhere skips these tests and says so.
const corpus = fs.existsSync(corpusDir) ? readCorpus() : undefined;

if (!corpus) {
  describe.skip(`the real-world catalog corpus (${corpusDir} is absent)`, () => {
    it('evaluates every corpus document', () => {});
  });
} else {
  describe(`the real-world catalog corpus (${corpus.files} files, ${corpus.entities.length} documents with a kind, ${corpus.invalidYaml.length} files that are not valid YAML)`, () => {
    const { entities, invalidYaml } = corpus;
    const definitions = new Map(CATALOG_FACTS.map(f => [f.name, f]));
    // Owners and systems resolve among the corpus' own entities, as they
    // would in a catalog that ingested all of it.
    const byRef = new Map<string, Entity>();
    for (const { entity } of entities) {
      try {
        byRef.set(stringifyEntityRef(entity), entity);
      } catch {
        // An entity without a usable kind or name cannot be referred to.
      }
    }
    const relationsOf = (entity: Entity): CatalogRelations => ({
      owner: byRef.get(refOf(entity.spec?.owner, 'group') ?? '') ?? null,
      system: byRef.get(refOf(entity.spec?.system, 'system') ?? '') ?? null,
    });

    it('is read: most files are valid YAML, and the others are reported', () => {
      expect(entities.length).toBeGreaterThan(500);
      // The known broken files are scaffolder skeletons with Nunjucks blocks.
      expect(invalidYaml.length).toBeLessThan(corpus.files / 10);
    });

    it('gives catalog facts of the declared types for every document, with and without relations', () => {
      const misfits: string[] = [];
      for (const { file, entity } of entities) {
        for (const facts of [
          catalogFacts(entity, now),
          catalogFacts(entity, now, relationsOf(entity)),
        ]) {
          for (const [name, fact] of Object.entries(facts)) {
            const definition = definitions.get(name);
            if (!definition || !fits(definition, fact.value)) {
              misfits.push(`${file}: ${name} = ${JSON.stringify(fact.value)}`);
            }
          }
        }
      }
      expect(misfits).toEqual([]);
    });

    it.each([...loadBuiltInScorecards().values()].map(s => [s.id, s] as const))(
      'evaluates every document against %s without throwing, with and without relations',
      (_id, scorecard) => {
        const failures: string[] = [];
        let evaluated = 0;
        for (const { file: source, entity } of entities) {
          for (const relations of [undefined, relationsOf(entity)]) {
            try {
              const result = evaluateScorecard(
                scorecard,
                entity,
                catalogFacts(entity, now, relations),
                now,
              );
              if (result.score >= 0 && result.score <= 100) {
                evaluated++;
              } else {
                failures.push(`${source}: score ${result.score}`);
              }
            } catch (error) {
              failures.push(`${source}: ${(error as Error).message}`);
            }
          }
        }
        expect(failures).toEqual([]);
        expect(evaluated).toBe(entities.length * 2);
      },
    );
  });
}
