import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ServiceUnavailableError } from '@backstage/errors';
import type { RequestServices } from '../api/buildRequestServices';
import { TooManyRequestsError } from '../api/CallerRateLimiter';
import { entityRefSchema, parseEntityRefInput } from './entityRefInput';
import { withSimilarEntities } from './findVisibleEntity';
import { DEFAULT_MAX_CHECKS } from './getEntityReadinessAction';
import { readinessOutputSchema, summarizeReadiness } from './readinessSummary';

/** `refresh-entity`: evaluates an entity now, as its refresh button does. */
export function registerRefreshEntity(
  registry: ActionsRegistryService,
  services: Pick<RequestServices, 'readiness' | 'catalog'>,
): void {
  registry.register({
    name: 'refresh-entity',
    title: 'Refresh entity readiness',
    description: `Evaluates a catalog entity on its Readiness scorecards now, collecting its facts anew, and answers like get-entity-readiness (score, level, next level and the checks not passing, most urgent first).
Use it after a fix was made (a file added, an annotation set, an integration configured) to see whether the checks pass now; otherwise get-entity-readiness is cheaper.
Needs the readiness.entity.refresh permission; services need to be listed in readiness.serviceAccess.refresh. Rate limited per caller and entity, and per caller, as app-config's readiness.refresh sets: a refused refresh says when to try again. An entity the caller may not read answers like one that does not exist.`,
    attributes: { readOnly: false, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefSchema(z),
        }),
      output: readinessOutputSchema,
    },
    examples: [
      {
        title: 'Re-evaluate payments-api after adding its runbook',
        input: { entityRef: 'payments-api' },
      },
    ],
    action: async ({ input, credentials }) => {
      const ref = parseEntityRefInput(input.entityRef, 'entityRef');
      try {
        // As the REST API: services not listed are refused before the
        // catalog is read, and the catalog is searched for similar names
        // only for an entity not found.
        const readiness = await withSimilarEntities(
          services,
          ref,
          credentials,
          () => services.readiness.refresh(ref, credentials),
        );
        return {
          output: summarizeReadiness(readiness, {
            maxChecks: DEFAULT_MAX_CHECKS,
          }),
        };
      } catch (error) {
        if (error instanceof TooManyRequestsError) {
          throw new ServiceUnavailableError(
            `Refresh of ${stringifyEntityRef(ref)} refused, rate limited: ${
              error.message
            } (in ${
              error.retryAfterSeconds
            } s). get-entity-readiness answers with the stored results meanwhile.`,
          );
        }
        throw error;
      }
    },
  });
}
