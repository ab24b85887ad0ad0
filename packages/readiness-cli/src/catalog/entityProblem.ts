import { makeValidator } from '@backstage/catalog-model';
import { isRecord } from '@readiness/plugin-readiness-common';

const validator = makeValidator();

/**
 * Why a YAML document cannot be loaded as an entity, completing "skipped a
 * document …", or `undefined` when it can. Only what the CLI relies on is
 * checked: the parts of the entity ref.
 */
export function entityProblem(value: unknown): string | undefined {
  if (!isRecord(value)) {
    return 'that is not a mapping';
  }
  const { kind, metadata } = value;
  if (typeof kind !== 'string' || kind === '') {
    return 'without kind';
  }
  if (!isRecord(metadata) || metadata.name === undefined) {
    return 'without metadata.name';
  }
  if (!validator.isValidKind(kind)) {
    return `with an invalid kind ${JSON.stringify(kind)}`;
  }
  if (!validator.isValidEntityName(metadata.name)) {
    return `with an invalid metadata.name ${JSON.stringify(metadata.name)}`;
  }
  if (
    metadata.namespace !== undefined &&
    !validator.isValidNamespace(metadata.namespace)
  ) {
    return `with an invalid metadata.namespace ${JSON.stringify(
      metadata.namespace,
    )}`;
  }
  return undefined;
}
