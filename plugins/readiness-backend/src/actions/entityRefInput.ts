import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { z as zod } from 'zod/v3';

/** Longest entity ref an action accepts: kind, namespace and name are short. */
export const MAX_ENTITY_REF_LENGTH = 300;

/** The `entityRef` input of the actions that answer about one entity. */
export const entityRefSchema = (z: typeof zod) =>
  z
    .string()
    .min(1)
    .max(MAX_ENTITY_REF_LENGTH)
    .describe(
      'The entity: a full ref (component:default/payments-api) or short (payments-api means component:default/payments-api).',
    );

/**
 * An entity ref as an agent writes it: in full (`component:default/x`) or
 * short (`x`, `default/x`, `api:x`), the kind and namespace defaulting as
 * in Backstage (`defaultKind`, `default`).
 */
export function parseEntityRefInput(
  text: string,
  field: string,
  defaultKind = 'component',
): CompoundEntityRef {
  try {
    return parseEntityRef(text.trim(), {
      defaultKind,
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new InputError(
      `${field} ${JSON.stringify(
        text,
      )} is not an entity ref such as ${defaultKind}:default/name or name: ${
        (error as Error).message
      }`,
    );
  }
}

/** The full ref of an owner, system or domain given in full or short. */
export function groupRefInput(
  text: string | undefined,
  field: string,
  defaultKind: string,
): string | undefined {
  return text === undefined
    ? undefined
    : stringifyEntityRef(parseEntityRefInput(text, field, defaultKind));
}
