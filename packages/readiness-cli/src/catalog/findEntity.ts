import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '../errors';
import { compareStrings } from '../files/walkDirectory';
import { CatalogEntity } from './loadCatalogFiles';
import { EntityIndex } from './resolveRelations';

/** How many refs an unknown-entity message lists. */
const LISTED = 5;

/**
 * The entity that `ref` names (kind `component` and namespace `default` when
 * left out), or an `InputError` that lists the closest refs the catalog
 * files hold.
 */
export function findEntity(index: EntityIndex, ref: string): CatalogEntity {
  let key: string;
  try {
    const parsed = parseEntityRef(ref, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
    key = `${parsed.kind}:${parsed.namespace}/${parsed.name}`;
  } catch (error) {
    throw new InputError(
      `invalid entity ref ${JSON.stringify(ref)}: ${(error as Error).message}`,
    );
  }
  const found = index.get(key.toLocaleLowerCase('en-US'));
  if (found) {
    return found;
  }
  throw new InputError(unknownEntityMessage(key, [...index.values()]));
}

function unknownEntityMessage(key: string, entities: CatalogEntity[]): string {
  if (entities.length === 0) {
    return `unknown entity ${key}; the catalog files hold no entities`;
  }
  const wanted = key.toLocaleLowerCase('en-US');
  const ranked = entities
    .map(({ ref }) => ({
      ref,
      distance: editDistance(wanted, ref.toLocaleLowerCase('en-US')),
    }))
    .sort((a, b) => a.distance - b.distance || compareStrings(a.ref, b.ref));
  const listed = ranked.slice(0, LISTED).map(r => r.ref);
  const more =
    ranked.length > LISTED ? ` … and ${ranked.length - LISTED} more` : '';
  const closest = ranked[0];
  // A close ref is most likely a typo of the wanted one.
  const suggestion =
    closest.distance <= Math.max(2, Math.floor(wanted.length / 4))
      ? `; did you mean ${closest.ref}?`
      : '';
  return `unknown entity ${key}; the catalog files hold: ${listed.join(
    ', ',
  )}${more}${suggestion}`;
}

/** Levenshtein distance. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}
