import { parseEntityRef } from '@backstage/catalog-model';

/**
 * The lower-case `kind:namespace/name` of a reference, resolved with the
 * defaults, or `undefined` when it is not a valid reference. Entity refs are
 * compared ignoring case, as the catalog does.
 */
export function entityKey(
  ref: unknown,
  defaults: { defaultKind: string; defaultNamespace: string },
): string | undefined {
  if (typeof ref !== 'string' || ref.trim() === '') {
    return undefined;
  }
  try {
    const { kind, namespace, name } = parseEntityRef(ref.trim(), defaults);
    return `${kind}:${namespace}/${name}`.toLocaleLowerCase('en-US');
  } catch {
    // An invalid reference resolves to nothing, like a missing entity.
    return undefined;
  }
}
