import {
  EntityDisplayName,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';
import { Link } from '@backstage/ui';

/**
 * The path of an entity's "Readiness" tab: `readiness` below its page, as
 * the plugin mounts it in the new frontend system and as the README sets
 * it up in the legacy one.
 */
export function useEntityReadinessLink(): (entityRef: string) => string {
  const entityLink = useEntityRefLink();
  return entityRef => `${entityLink(entityRef)}/readiness`;
}

/** An entity's name, linked to its "Readiness" tab. */
export function EntityReadinessLink(props: { entityRef: string }) {
  const { entityRef } = props;
  const link = useEntityReadinessLink();
  return (
    <Link href={link(entityRef)}>
      <EntityDisplayName entityRef={entityRef} hideIcon />
    </Link>
  );
}
