import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { listInputFiles } from '../files/listInputFiles';
import { parseYamlDocuments } from '../files/parseYamlDocuments';
import { readTextFile } from '../files/readTextFile';
import { entityProblem } from './entityProblem';
import { locationTargets } from './locationTargets';

/** Catalog files in directories; files named directly may be JSON too. */
const CATALOG_EXTENSIONS = ['.yaml', '.yml'];

export interface CatalogEntity {
  entity: Entity;
  /** `kind:namespace/name`, as `stringifyEntityRef` writes it. */
  ref: string;
  /** `<file>:<line>` of the document, for messages. */
  location: string;
}

export interface LoadedCatalog {
  entities: CatalogEntity[];
  /** One line each, `<file>:<line>: …`, for stderr. */
  warnings: string[];
}

/**
 * Reads the entities in catalog files and directories, following
 * `kind: Location` documents to relative files. Documents that are not
 * entities, and second definitions of an entity, are skipped with a warning;
 * unreadable files and broken YAML are `InputError`s.
 */
export function loadCatalogFiles(args: string[], cwd: string): LoadedCatalog {
  const files = listInputFiles(args, cwd, CATALOG_EXTENSIONS);
  const seenFiles = new Set(files.map(file => file.absolutePath));
  const byRef = new Map<string, CatalogEntity>();
  const warnings: string[] = [];

  // `files` grows while it is read, as locations are followed.
  for (let i = 0; i < files.length; i += 1) {
    const file = files[i];
    const documents = parseYamlDocuments(readTextFile(file), file.shownAs);
    for (const { value, line } of documents) {
      const location = `${file.shownAs}:${line}`;
      const problem = entityProblem(value);
      if (problem) {
        warnings.push(`${location}: skipped a document ${problem}`);
        continue;
      }
      const entity = value as Entity;
      const ref = stringifyEntityRef(entity);
      // Entity refs are case-insensitive in the catalog.
      const key = ref.toLocaleLowerCase('en-US');
      const earlier = byRef.get(key);
      if (earlier) {
        warnings.push(
          `${location}: skipped ${ref}, already defined at ${earlier.location}`,
        );
        continue;
      }
      byRef.set(key, { entity, ref, location });

      if (entity.kind.toLocaleLowerCase('en-US') === 'location') {
        const followed = locationTargets(entity, file);
        for (const skipped of followed.skipped) {
          warnings.push(`${location}: location target ${skipped}`);
        }
        for (const target of followed.files) {
          if (!seenFiles.has(target.absolutePath)) {
            seenFiles.add(target.absolutePath);
            files.push(target);
          }
        }
      }
    }
  }
  return { entities: [...byRef.values()], warnings };
}
