import { EntityAttributes } from './ResultWriter';

const MAX_TEXT = 255;
const MAX_TAGS = 1024;
const MAX_REF = 512;

/** `,a,b,`: as many tags as the column holds, each findable with LIKE. */
function tagsColumn(tags: string[]): string | null {
  let column = ',';
  for (const tag of tags) {
    if (column.length + tag.length + 1 > MAX_TAGS) {
      break;
    }
    column += `${tag},`;
  }
  return column === ',' ? null : column;
}

/**
 * A ref as its column holds it. One longer than the column cannot name an
 * entity (names are at most 63 characters), so it is kept as naming none
 * rather than cut into a ref of another.
 */
function refColumn(ref: string | null | undefined): string | null {
  return ref && ref.length <= MAX_REF ? ref : null;
}

/**
 * The result columns an entity's attributes are kept in. Catalog values have
 * no length limit, and entity authors write them: longer ones are cut to
 * what the columns hold, so that no entity fails to store.
 */
export function attributeColumns(attributes?: EntityAttributes) {
  return {
    owner_ref: refColumn(attributes?.owner),
    system_ref: refColumn(attributes?.system),
    domain_ref: refColumn(attributes?.domain),
    entity_kind: attributes?.kind.slice(0, 63) ?? null,
    entity_type: attributes?.type?.slice(0, MAX_TEXT) ?? null,
    lifecycle: attributes?.lifecycle?.slice(0, MAX_TEXT) ?? null,
    tags: tagsColumn(attributes?.tags ?? []),
  };
}
