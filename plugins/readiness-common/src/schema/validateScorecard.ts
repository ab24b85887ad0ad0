import { FactDefinition, ScorecardDefinition } from '../types';
import { Context } from './context';
import { documentParts, validateMetadata } from './documentHeader';
import { Mapping } from './mapping';
import { validateSpec } from './validateSpec';

/**
 * Validates one `kind: Scorecard` document and builds its definition;
 * `names` holds the names (and lines) of the file's earlier scorecards.
 *
 * A definition is returned whenever its required parts could be read, so it
 * may come with problems: the caller drops everything from a file that has
 * any.
 */
export function validateScorecard(
  ctx: Context,
  document: Mapping,
  facts: ReadonlyMap<string, FactDefinition>,
  names: Map<string, number>,
): ScorecardDefinition | undefined {
  const parts = documentParts(document);
  const metadata =
    parts.metadata &&
    validateMetadata(parts.metadata, names, {
      what: 'scorecard name',
      example: 'production-readiness',
      descriptionRequired: true,
    });
  const spec = parts.spec && validateSpec(ctx, parts.spec, facts);
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
