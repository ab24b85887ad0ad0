import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import {
  MAX_ID_LENGTH,
  orderOpenChecks,
  ResultSummary,
  ScorecardDefinition,
  truncateText,
} from '@readiness/plugin-readiness-common';
import type { RequestServices } from '../api/buildRequestServices';
import { mapWithConcurrency } from '../lib/mapWithConcurrency';
import { MAX_ENTITY_REF_LENGTH, groupRefInput } from './entityRefInput';
import { fitOutput } from './outputBounds';
import { requireLevel, requireScorecard } from '../scorecards/scorecardLookup';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 50;
/** Open checks named per entity; the rest are counted. */
const MAX_OPEN_CHECKS = 10;
/** Stored results read at a time for the open checks. */
const READ_CONCURRENCY = 8;
const TITLE_CHARS = 200;

type Services = Pick<RequestServices, 'registry' | 'results' | 'entityResults'>;

interface OpenCheck {
  id: string;
  title: string;
  level: string;
  status: 'fail' | 'unknown';
}

/**
 * The checks that keep an entity below the level: those of that level or
 * under that fail or are unknown and count (advisory ones do not block),
 * in the order `orderOpenChecks` gives. The stored result holds outcomes
 * only; titles, levels and weights come from the definition in force.
 */
async function openChecks(
  services: Services,
  scorecard: ScorecardDefinition,
  levelIndex: number,
  entityRef: string,
): Promise<{ openChecks: OpenCheck[]; moreOpenChecks: number }> {
  const stored = await services.entityResults.getEntityResults(entityRef);
  const result = stored.results.get(scorecard.id);
  const definitions = new Map(scorecard.checks.map(c => [c.id, c]));
  const blocking = new Set(
    scorecard.levels.slice(0, levelIndex + 1).map(l => l.id),
  );
  const checks = (result?.checks ?? []).flatMap(check => {
    const definition = definitions.get(check.id);
    return definition && blocking.has(definition.level) && !check.advisory
      ? [
          {
            id: check.id,
            status: check.status,
            title: definition.title,
            level: definition.level,
            weight: definition.weight,
          },
        ]
      : [];
  });
  const open = orderOpenChecks({ checks, scorecard });
  return {
    openChecks: open.slice(0, MAX_OPEN_CHECKS).map(check => ({
      id: check.id,
      title: truncateText(check.title, TITLE_CHARS),
      level: check.level,
      status: check.status as 'fail' | 'unknown',
    })),
    moreOpenChecks: Math.max(0, open.length - MAX_OPEN_CHECKS),
  };
}

/**
 * A stored level id as get-entity-readiness names levels; an id the
 * definition no longer has keeps its id as title.
 */
function levelNamed(
  scorecard: ScorecardDefinition,
  levelId: string | null,
): { id: string; title: string } | null {
  if (levelId === null) {
    return null;
  }
  const title = scorecard.levels.find(l => l.id === levelId)?.title ?? levelId;
  return { id: levelId, title: truncateText(title, TITLE_CHARS) };
}

/** `list-entities-below`: who has not reached a level yet. */
export function registerListEntitiesBelow(
  registry: ActionsRegistryService,
  services: Services,
): void {
  registry.register({
    name: 'list-entities-below',
    title: 'List entities below a level',
    description: `Lists the catalog entities that have not reached a level of a Readiness scorecard (at no level, or at a lower one), optionally of one owner, system or domain, lowest score first, from the stored results.
Each entity comes with its score, its level and its open checks: the checks of that level or below that fail or are unknown, which keep it below (at most ${MAX_OPEN_CHECKS} named, moreOpenChecks counts the rest; use get-entity-readiness for one entity's details).
Use it for questions such as "which services of team X are not Silver yet" or "what blocks system Y from Gold".
Paged: at most limit entities (${DEFAULT_LIMIT} by default, ${MAX_LIMIT} at most); pass nextCursor back as cursor, with the same other input, for the next page; nextCursor is null at the end. Only entities the caller may read are listed, so a page may hold fewer than limit entities and still have a nextCursor.`,
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          scorecard: z
            .string()
            .min(1)
            .max(MAX_ID_LENGTH)
            .describe('Scorecard id, e.g. production-readiness.'),
          level: z
            .string()
            .min(1)
            .max(MAX_ID_LENGTH)
            .describe(
              'Level of the scorecard, by id or title in any case, e.g. silver or Silver: entities that have not reached it are listed.',
            ),
          owner: z
            .string()
            .min(1)
            .max(MAX_ENTITY_REF_LENGTH)
            .optional()
            .describe(
              'Owner ref, e.g. group:default/team-payments or team-payments.',
            ),
          system: z
            .string()
            .min(1)
            .max(MAX_ENTITY_REF_LENGTH)
            .optional()
            .describe('System ref, e.g. system:default/payments or payments.'),
          domain: z
            .string()
            .min(1)
            .max(MAX_ENTITY_REF_LENGTH)
            .optional()
            .describe('Domain ref, e.g. domain:default/commerce or commerce.'),
          kind: z
            .string()
            .min(1)
            .max(64)
            .optional()
            .describe('Entity kind, e.g. component.'),
          limit: z
            .number()
            .int()
            .min(1)
            .max(MAX_LIMIT)
            .optional()
            .describe(`Entities per page; ${DEFAULT_LIMIT} by default.`),
          cursor: z
            .string()
            .min(1)
            .max(1000)
            .optional()
            .describe('nextCursor of the previous page.'),
        }),
      output: z =>
        z.object({
          scorecard: z.string(),
          level: z.object({ id: z.string(), title: z.string() }),
          entities: z.array(
            z.object({
              entityRef: z.string(),
              score: z.number(),
              level: z
                .object({ id: z.string(), title: z.string() })
                .nullable()
                .describe('Level reached; null below the first.'),
              evaluatedAt: z.string(),
              openChecks: z.array(
                z.object({
                  id: z.string(),
                  title: z.string(),
                  level: z.string(),
                  status: z.enum(['fail', 'unknown']),
                }),
              ),
              moreOpenChecks: z.number().int(),
            }),
          ),
          nextCursor: z
            .string()
            .nullable()
            .describe('Pass as cursor for the next page; null at the end.'),
        }),
    },
    examples: [
      {
        title: 'Services of team-payments not Silver yet',
        input: {
          scorecard: 'production-readiness',
          level: 'silver',
          owner: 'team-payments',
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const { scorecard } = requireScorecard(
        services.registry,
        input.scorecard,
      );
      const { level, index } = requireLevel(scorecard, input.level);
      const filter = {
        scorecardId: scorecard.id,
        levelIsNoneOr: scorecard.levels.slice(0, index).map(l => l.id),
        owner: groupRefInput(input.owner, 'owner', 'group'),
        system: groupRefInput(input.system, 'system', 'system'),
        domain: groupRefInput(input.domain, 'domain', 'domain'),
        kind: input.kind,
      };
      let page: { items: ResultSummary[]; nextCursor: string | null };
      try {
        page = await services.results.list(
          filter,
          { limit: input.limit ?? DEFAULT_LIMIT, cursor: input.cursor },
          credentials,
        );
      } catch (error) {
        if (input.cursor !== undefined && error instanceof InputError) {
          throw new InputError(
            'Invalid cursor: pass the nextCursor of a previous list-entities-below answer, with the same other input',
          );
        }
        throw error;
      }
      const entities = await mapWithConcurrency(
        page.items,
        READ_CONCURRENCY,
        async item => ({
          entityRef: item.entityRef,
          score: item.score,
          level: levelNamed(scorecard, item.level),
          evaluatedAt: item.evaluatedAt,
          ...(await openChecks(services, scorecard, index, item.entityRef)),
        }),
      );
      const output = {
        scorecard: scorecard.id,
        level: { id: level.id, title: truncateText(level.title, TITLE_CHARS) },
        entities,
        nextCursor: page.nextCursor,
      };
      // Fifty entities of ten long titles do not fit: each entity's list is
      // halved until the page does (the entities themselves always fit).
      return {
        output: fitOutput(output, o => {
          let dropped = false;
          for (const e of o.entities) {
            const keep = Math.floor(e.openChecks.length / 2);
            if (keep < e.openChecks.length) {
              e.moreOpenChecks += e.openChecks.length - keep;
              e.openChecks.length = keep;
              dropped = true;
            }
          }
          return dropped;
        }),
      };
    },
  });
}
