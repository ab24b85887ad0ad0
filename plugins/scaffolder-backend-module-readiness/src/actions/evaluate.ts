import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ReadinessDraftClient } from '../client/ReadinessDraftClient';
import { evaluateWorkspace } from './evaluateWorkspace';
import { draftInputSchema, draftOutputSchema } from './schemas';

/**
 * `readiness:evaluate`: the readiness of the entity a template is about to
 * create, from its catalog-info file and the workspace's files. Nothing is
 * stored; the task goes on whatever the level.
 *
 * @public
 */
export function createReadinessEvaluateAction(options: {
  client: ReadinessDraftClient;
}) {
  return createTemplateAction({
    id: 'readiness:evaluate',
    description:
      "Evaluates the workspace's catalog-info.yaml (with the workspace's files as its repository) against the Readiness scorecards, as the task's initiator, and outputs the score, level and open checks of each. Stores nothing.",
    examples: [
      {
        description: 'Evaluate the new service on Production Readiness',
        example: [
          'steps:',
          '  - id: readiness',
          '    name: Readiness',
          '    action: readiness:evaluate',
          '    input:',
          '      scorecard: production-readiness',
        ].join('\n'),
      },
    ],
    supportsDryRun: true,
    schema: {
      input: {
        ...draftInputSchema,
        scorecard: z =>
          z
            .string()
            .max(128)
            .optional()
            .describe(
              'Only this scorecard (its id); by default every scorecard that applies',
            ),
      },
      output: draftOutputSchema,
    },
    async handler(ctx) {
      const { readiness, summaries } = await evaluateWorkspace(
        ctx,
        options.client,
        ctx.input,
      );
      ctx.output('entityRef', readiness.entityRef);
      ctx.output('scorecards', summaries);
      if (summaries.length === 1) {
        ctx.output('score', summaries[0].score);
        ctx.output('level', summaries[0].level);
      }
    },
  });
}
