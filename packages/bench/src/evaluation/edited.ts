import { Entity } from '@backstage/catalog-model';

/** A changed copy, as an edit in the catalog makes it. */
export function edited(entity: Entity, round: number): Entity {
  const annotations = { ...entity.metadata.annotations };
  const key = 'backstage.io/techdocs-ref';
  if (annotations[key]) {
    delete annotations[key];
  } else {
    annotations[key] = 'dir:.';
  }
  return {
    ...entity,
    metadata: { ...entity.metadata, annotations, etag: `edit-${round}` },
  };
}
