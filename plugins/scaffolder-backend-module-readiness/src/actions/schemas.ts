import type { TemplateActionOptions } from '@backstage/plugin-scaffolder-node';

type SchemaFields = NonNullable<
  NonNullable<TemplateActionOptions['schema']>['input']
>;
/** The zod the Scaffolder passes to schema callbacks. */
type Zod = Parameters<SchemaFields[string]>[0];

/** Inputs both actions take. */
export const draftInputSchema = {
  catalogInfoPath: (z: Zod) =>
    z
      .string()
      .max(1024)
      .optional()
      .describe(
        'The entity file in the workspace, relative to it (default catalog-info.yaml). It may hold several YAML documents: the first Component, API, Resource or System is evaluated.',
      ),
};

/** Outputs both actions set. */
export const draftOutputSchema = {
  entityRef: (z: Zod) => z.string().describe('The ref of the evaluated entity'),
  scorecards: (z: Zod) =>
    z
      .array(
        z.object({
          id: z.string(),
          title: z.string(),
          score: z.number().describe('0 to 100'),
          level: z
            .string()
            .nullable()
            .describe('The level reached, null below the first'),
          levelTitle: z.string().nullable(),
          nextLevel: z.string().nullable(),
          openChecks: z
            .array(
              z.object({
                id: z.string(),
                title: z.string(),
                status: z.string().describe('fail or unknown'),
                level: z.string(),
                reason: z.string().optional(),
                remediation: z.string().describe('Markdown, cut short'),
              }),
            )
            .describe(
              "Failing and unknown checks, the next level's first, then higher levels, heavier checks first within a level (25 at most)",
            ),
          openChecksOmitted: z.number(),
        }),
      )
      .describe('Each scorecard that applies, or only the one asked for'),
  score: (z: Zod) =>
    z
      .number()
      .optional()
      .describe("The scorecard's score, when there is one scorecard"),
  level: (z: Zod) =>
    z
      .string()
      .nullable()
      .optional()
      .describe('The level reached, when there is one scorecard'),
};
