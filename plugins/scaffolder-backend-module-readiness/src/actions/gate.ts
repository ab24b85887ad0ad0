import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ReadinessDraftClient } from '../client/ReadinessDraftClient';
import { evaluateWorkspace } from './evaluateWorkspace';
import { belowLevel, requireLevel } from './levelGate';
import { draftInputSchema, draftOutputSchema } from './schemas';

/**
 * `readiness:gate`: fails the task when the entity a template is about to
 * create does not reach a level of a scorecard, listing the checks that
 * keep it below, with their remediation.
 *
 * @public
 */
export function createReadinessGateAction(options: {
  client: ReadinessDraftClient;
}) {
  return createTemplateAction({
    id: 'readiness:gate',
    description:
      "Evaluates the workspace's catalog-info.yaml like readiness:evaluate, and fails the task when the entity does not reach the level on the scorecard, listing each check that keeps it below with its remediation.",
    examples: [
      {
        description: 'Stop unless the new service reaches Bronze',
        example: [
          'steps:',
          '  - id: gate',
          '    name: Readiness gate',
          '    action: readiness:gate',
          '    input:',
          '      scorecard: production-readiness',
          '      level: bronze',
        ].join('\n'),
      },
    ],
    supportsDryRun: true,
    schema: {
      input: {
        ...draftInputSchema,
        scorecard: z => z.string().min(1).max(128).describe('The scorecard id'),
        level: z =>
          z
            .string()
            .min(1)
            .max(128)
            .describe('The level to reach, by id or title (e.g. bronze)'),
      },
      output: draftOutputSchema,
    },
    async handler(ctx) {
      const { scorecard, level } = ctx.input;
      if (!scorecard || !level) {
        throw new InputError('readiness:gate needs a scorecard and a level');
      }
      const { readiness, summaries } = await evaluateWorkspace(
        ctx,
        options.client,
        ctx.input,
      );
      const [result] = readiness.scorecards;
      if (!result) {
        throw new Error(
          `The scorecard "${scorecard}" does not apply to ${readiness.entityRef} (see its appliesTo), so it cannot reach ${level} on it`,
        );
      }
      const required = requireLevel(result, level);
      ctx.output('entityRef', readiness.entityRef);
      ctx.output('scorecards', summaries);
      ctx.output('score', result.score);
      ctx.output('level', result.level);
      const below = belowLevel(result, required);
      if (below) {
        throw new Error(below);
      }
      ctx.logger.info(
        `${readiness.entityRef} reaches ${required.title} on ${result.scorecard.title}`,
      );
    },
  });
}
