import { parseEntityRef } from '@backstage/catalog-model';

/**
 * The name in an entity ref, for a title or a label; the text itself when it
 * is no ref (it may come from the URL, where anyone can write anything).
 */
export function entityRefName(ref: string): string {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}
