import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { RequestServices } from '../api/buildRequestServices';
import { similarEntityRefs } from './similarEntityRefs';

type Services = Pick<RequestServices, 'readiness' | 'catalog'>;

/**
 * What `task` answers about the entity; when it answers NotFoundError (the
 * same for an entity that does not exist and one the caller may not read),
 * the same error with "did you mean" refs of entities the caller may read.
 * The catalog is searched only then.
 */
export async function withSimilarEntities<T>(
  services: Services,
  ref: CompoundEntityRef,
  credentials: BackstageCredentials,
  task: () => Promise<T>,
): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (!(error instanceof NotFoundError)) {
      throw error;
    }
    // A hint only: a catalog that fails to give one leaves the answer as is.
    const similar = await similarEntityRefs(
      services.catalog,
      ref,
      credentials,
    ).catch(() => []);
    throw new NotFoundError(
      similar.length > 0
        ? `${error.message}; did you mean ${similar.join(', ')}?`
        : error.message,
    );
  }
}

/** The entity as the caller may read it, else NotFoundError with hints. */
export function findVisibleEntity(
  services: Services,
  ref: CompoundEntityRef,
  credentials: BackstageCredentials,
): Promise<Entity> {
  return withSimilarEntities(services, ref, credentials, () =>
    services.readiness.visibleEntity(ref, credentials),
  );
}
