import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { MAX_ID_LENGTH } from '@readiness/plugin-readiness-common';
import type { RequestServices } from '../api/buildRequestServices';
import { entityRefSchema, parseEntityRefInput } from './entityRefInput';
import { findVisibleEntity } from './findVisibleEntity';
import {
  EVIDENCE_CHARS,
  readinessOutputSchema,
  REMEDIATION_CHARS,
  summarizeReadiness,
} from './readinessSummary';
import { requireScorecard } from '../scorecards/scorecardLookup';

export const DEFAULT_MAX_CHECKS = 15;
export const MAX_CHECKS = 50;

/** `get-entity-readiness`: where an entity stands and what to fix next. */
export function registerGetEntityReadiness(
  registry: ActionsRegistryService,
  services: Pick<RequestServices, 'readiness' | 'catalog' | 'registry'>,
): void {
  registry.register({
    name: 'get-entity-readiness',
    title: 'Get entity readiness',
    description: `How production-ready a catalog entity is, and what to fix next.
Answers, per Readiness scorecard that applies to the entity (or only the one named): its score (0-100), the level reached and the next level, and the checks that do not pass (fail, or unknown because a fact could not be read), ordered by what reaches the next level first: the checks of the next level (blocksNextLevel: true), then those of higher levels, then advisory ones (warnings that do not count yet).
Each check comes with its reason, its evidence (up to ${EVIDENCE_CHARS} characters) and its remediation (up to ${REMEDIATION_CHARS} characters).
Use it when asked how ready a service is, why it is not at a level, or what its team should do next. The results are the stored ones while the entity and its scorecards are unchanged; when they are stale (or none are stored) the entity is evaluated now, which asks its fact collectors and stores the new results, as opening the entity's page in Backstage does. It changes nothing else.
Limits: at most maxChecks checks per scorecard (omittedChecks counts the rest), and an answer of at most about 30,000 characters. An entity the caller may not read answers like one that does not exist.`,
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefSchema(z),
          scorecard: z
            .string()
            .min(1)
            .max(MAX_ID_LENGTH)
            .optional()
            .describe(
              'Id of one scorecard (e.g. production-readiness); all that apply when left out.',
            ),
          maxChecks: z
            .number()
            .int()
            .min(1)
            .max(MAX_CHECKS)
            .optional()
            .describe(
              `Checks not passing to list per scorecard, most urgent first; ${DEFAULT_MAX_CHECKS} by default.`,
            ),
        }),
      output: readinessOutputSchema,
    },
    examples: [
      {
        title: 'What should payments-api fix to reach the next level?',
        input: { entityRef: 'payments-api', scorecard: 'production-readiness' },
      },
    ],
    action: async ({ input, credentials }) => {
      const ref = parseEntityRefInput(input.entityRef, 'entityRef');
      if (input.scorecard !== undefined) {
        requireScorecard(services.registry, input.scorecard);
      }
      const entity = await findVisibleEntity(services, ref, credentials);
      const readiness = await services.readiness.readinessOf(
        entity,
        credentials,
      );
      return {
        output: summarizeReadiness(readiness, {
          scorecard: input.scorecard,
          maxChecks: input.maxChecks ?? DEFAULT_MAX_CHECKS,
        }),
      };
    },
  });
}
