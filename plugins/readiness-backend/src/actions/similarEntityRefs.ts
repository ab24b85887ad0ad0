import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { closestMatch } from '@readiness/plugin-readiness-common';

/** Refs a "did you mean" lists at most. */
export const MAX_SUGGESTIONS = 3;
/** Entities read per catalog query: a hint, not a search. */
const PER_QUERY = 20;
/** Shortest part of a name searched for; shorter ones match too much. */
const MIN_TERM = 3;

const lower = (text: string) => text.toLocaleLowerCase('en-US');

/**
 * Up to three refs of entities named like `wanted`, read from the catalog
 * as the caller, so that only entities the caller may read are named. The
 * catalog matches substrings of names: the name itself, then each of its
 * halves, so that a slip in one half still finds the entity.
 */
export async function similarEntityRefs(
  catalog: CatalogService,
  wanted: CompoundEntityRef,
  credentials: BackstageCredentials,
): Promise<string[]> {
  const name = lower(wanted.name);
  const half = Math.ceil(name.length / 2);
  const terms = [
    ...new Set([name, name.slice(0, half), name.slice(name.length - half)]),
  ].filter(term => term.length >= MIN_TERM);
  const wantedRef = lower(stringifyEntityRef(wanted));
  const found = new Map<string, string>();
  for (const term of terms) {
    const { items } = await catalog.queryEntities(
      {
        fullTextFilter: { term, fields: ['metadata.name'] },
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
        limit: PER_QUERY,
      },
      { credentials },
    );
    for (const entity of items) {
      const ref = stringifyEntityRef(entity);
      if (lower(ref) !== wantedRef) {
        found.set(ref, lower(entity.metadata.name));
      }
    }
  }
  return rankByName(name, found).slice(0, MAX_SUGGESTIONS);
}

/**
 * Refs by how likely their name was meant: the same name (another kind or
 * namespace), then a typing slip of it, then names holding it or held in
 * it, the nearest in length first.
 */
function rankByName(name: string, names: Map<string, string>): string[] {
  const refs = [...names.keys()].sort();
  const sameName = refs.filter(ref => names.get(ref) === name);
  const slips: string[] = [];
  let rest = refs.filter(ref => names.get(ref) !== name);
  for (;;) {
    const match = closestMatch(
      name,
      rest.map(ref => names.get(ref)!),
    );
    if (match === undefined) {
      break;
    }
    slips.push(...rest.filter(ref => names.get(ref) === match));
    rest = rest.filter(ref => names.get(ref) !== match);
  }
  const overlapping = rest
    .filter(ref => {
      const other = names.get(ref)!;
      return other.includes(name) || name.includes(other);
    })
    .sort(
      (a, b) =>
        Math.abs(names.get(a)!.length - name.length) -
        Math.abs(names.get(b)!.length - name.length),
    );
  return [...sameName, ...slips, ...overlapping];
}
