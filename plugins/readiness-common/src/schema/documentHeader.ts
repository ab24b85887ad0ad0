import { parseEntityRef } from '@backstage/catalog-model';
import { isMap, Node } from 'yaml';
import { Context } from './context';
import { describeNode, Mapping } from './mapping';
import { readUniqueSlug } from './uniqueSlug';

export const API_VERSION = 'readiness/v1';

/** The kinds of document a scorecard file may hold. */
export const DOCUMENT_KINDS = ['Scorecard', 'Campaign'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * The document's `kind`, read before anything else so that the right
 * validator reads the rest; `undefined` for a document that is not a
 * mapping or names no known kind, which is reported here: its other fields
 * would only add noise (it may be a catalog entity in the wrong folder).
 * A missing `kind` is left to the scorecard validator, the older default.
 */
export function documentKind(
  ctx: Context,
  root: Node,
): { kind: DocumentKind; document: Mapping } | undefined {
  if (!isMap(root)) {
    ctx.report(
      root,
      '',
      `a scorecard or campaign document must be a mapping with apiVersion, kind, metadata and spec, got ${describeNode(
        root,
      )}`,
    );
    return undefined;
  }
  const document = Mapping.of(ctx, root, root, '')!;
  if (!document.has('kind')) {
    return { kind: 'Scorecard', document };
  }
  const kind = document.string('kind', true);
  if (kind === undefined) {
    return undefined;
  }
  if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
    document.report('kind', `must be "Scorecard" or "Campaign", got "${kind}"`);
    return undefined;
  }
  return { kind: kind as DocumentKind, document };
}

/**
 * Checks the keys and `apiVersion` of a document whose kind is known, and
 * returns its `metadata` and `spec` mappings (reported when missing).
 */
export function documentParts(document: Mapping): {
  metadata?: Mapping;
  spec?: Mapping;
} {
  document.allowOnly(['apiVersion', 'kind', 'metadata', 'spec']);
  if (!document.has('kind')) {
    document.reportMissing('kind');
  }
  const apiVersion = document.string('apiVersion', true);
  if (apiVersion !== undefined && apiVersion !== API_VERSION) {
    document.report(
      'apiVersion',
      `must be "${API_VERSION}", got "${apiVersion}"`,
    );
  }
  return {
    metadata: document.mapping('metadata', true),
    spec: document.mapping('spec', true),
  };
}

/**
 * Validates `metadata` (name, title, description, owner); `names` holds the
 * names (and lines) of the file's earlier documents of the kind, as the
 * name is the id.
 */
export function validateMetadata(
  mapping: Mapping,
  names: Map<string, number>,
  options: { what: string; example: string; descriptionRequired: boolean },
) {
  mapping.allowOnly(['name', 'title', 'description', 'owner']);
  const name = readUniqueSlug(mapping, 'name', {
    what: options.what,
    example: options.example,
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
    description: mapping.string('description', options.descriptionRequired),
    owner,
  };
}
