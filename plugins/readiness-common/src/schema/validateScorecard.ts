import { parseEntityRef } from '@backstage/catalog-model';
import { isMap, Node } from 'yaml';
import { FactDefinition, ScorecardDefinition } from '../types';
import { Context } from './context';
import { describeNode, Mapping } from './mapping';
import { readUniqueSlug } from './uniqueSlug';
import { validateSpec } from './validateSpec';

const API_VERSION = 'readiness/v1';
const KIND = 'Scorecard';

/**
 * Validates `metadata`; `names` holds the names (and lines) of the file's
 * earlier scorecards, as the name is the scorecard's id.
 */
function validateMetadata(mapping: Mapping, names: Map<string, number>) {
  mapping.allowOnly(['name', 'title', 'description', 'owner']);
  const name = readUniqueSlug(mapping, 'name', {
    what: 'scorecard name',
    example: 'production-readiness',
    firstLines: names,
  });
  const owner = mapping.string('owner', false);
  if (owner !== undefined) {
    try {
      parseEntityRef(owner);
    } catch (error) {
      mapping.report(
        'owner',
        `must be an entity ref such as group:default/platform-team: ${
          (error as Error).message
        }`,
      );
    }
  }
  return {
    name,
    title: mapping.string('title', true),
    description: mapping.string('description', true),
    owner,
  };
}

/**
 * Validates one `kind: Scorecard` document and builds its definition.
 *
 * A definition is returned whenever its required parts could be read, so it
 * may come with problems: the caller drops everything from a file that has
 * any.
 */
export function validateScorecard(
  ctx: Context,
  root: Node,
  facts: ReadonlyMap<string, FactDefinition>,
  names: Map<string, number>,
): ScorecardDefinition | undefined {
  if (!isMap(root)) {
    ctx.report(
      root,
      '',
      `a scorecard document must be a mapping with apiVersion, kind, metadata and spec, got ${describeNode(
        root,
      )}`,
    );
    return undefined;
  }
  const document = Mapping.of(ctx, root, root, '')!;
  document.allowOnly(['apiVersion', 'kind', 'metadata', 'spec']);
  const kind = document.string('kind', true);
  if (kind !== undefined && kind !== KIND) {
    // Not a scorecard (perhaps a catalog entity in the wrong folder): its
    // other fields would only add noise.
    document.report('kind', `must be "${KIND}", got "${kind}"`);
    return undefined;
  }
  const apiVersion = document.string('apiVersion', true);
  if (apiVersion !== undefined && apiVersion !== API_VERSION) {
    document.report(
      'apiVersion',
      `must be "${API_VERSION}", got "${apiVersion}"`,
    );
  }
  const metadataMapping = document.mapping('metadata', true);
  const metadata = metadataMapping && validateMetadata(metadataMapping, names);
  const specMapping = document.mapping('spec', true);
  const spec = specMapping && validateSpec(ctx, specMapping, facts);
  if (!metadata?.name || !metadata.title || !metadata.description || !spec) {
    return undefined;
  }
  const { name, title, description, owner } = metadata;
  return {
    id: name,
    title,
    description,
    ...(owner !== undefined && { owner }),
    ...spec,
  };
}
