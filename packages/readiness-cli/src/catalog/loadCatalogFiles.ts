import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '../errors';
import { InputFile, listInputFiles } from '../files/listInputFiles';
import { parseYamlDocuments } from '../files/parseYamlDocuments';
import { readTextFile } from '../files/readTextFile';
import { resolvesWithin } from '../files/resolvesWithin';
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
  /**
   * Files found in a directory or through a location that are not YAML,
   * such as Scaffolder skeletons, skipped: one line each,
   * `<file>:<line>:<col>: invalid YAML: …`.
   */
  unparsable: string[];
  /** How many files were looked at, the unparsable ones included. */
  fileCount: number;
}

/**
 * Reads the entities in catalog files and directories, following
 * `kind: Location` documents to files within the directory given (see
 * `locationTargets`). Documents that are not entities, second definitions of
 * an entity, and links out of the directory are skipped with a warning;
 * unreadable files, and broken YAML in files named in `args`, are
 * `InputError`s.
 */
export function loadCatalogFiles(args: string[], cwd: string): LoadedCatalog {
  const files = listInputFiles(args, cwd, CATALOG_EXTENSIONS);
  const seenFiles = new Set(files.map(file => file.absolutePath));
  const byRef = new Map<string, CatalogEntity>();
  const warnings: string[] = [];
  const unparsable: string[] = [];

  // `files` grows while it is read, as locations are followed.
  for (let i = 0; i < files.length; i += 1) {
    const file = files[i];
    // A link in a directory walked may point anywhere; a named file is
    // read wherever it is, as asked.
    if (!file.named && !resolvesWithin(file.absolutePath, file.root.realPath)) {
      warnings.push(
        `${file.shownAs}: skipped: it resolves to a file outside ${file.root.shownAs}`,
      );
      continue;
    }
    const documents = parseCatalogFile(file, unparsable);
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
  return {
    entities: [...byRef.values()],
    warnings,
    unparsable,
    fileCount: files.length,
  };
}

/**
 * The documents of `file`. Broken YAML in a named file is an `InputError`;
 * in a file found otherwise it is added to `unparsable` and the file has no
 * documents, since catalog repositories hold templates that only become YAML
 * when the Scaffolder fills them in.
 */
function parseCatalogFile(file: InputFile, unparsable: string[]) {
  const text = readTextFile(file);
  try {
    return parseYamlDocuments(text, file.shownAs);
  } catch (error) {
    if (file.named || !(error instanceof InputError)) {
      throw error;
    }
    unparsable.push(error.message);
    return [];
  }
}
