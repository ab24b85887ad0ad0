import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  CATALOG_SOURCE,
  CheckDefinition,
  MAX_ID_LENGTH,
  truncateText,
} from '@readiness/plugin-readiness-common';
import type { RequestServices } from '../api/buildRequestServices';
import { collectorOfFact } from '../facts/collectorOfFact';
import { PUSHED_SOURCE } from '../pushedFacts/readPushedFacts';
import { describeCondition, MAX_CONDITION_LINES } from './describeCondition';
import { fitOutput } from './outputBounds';
import { requireCheck, requireScorecard } from '../scorecards/scorecardLookup';

const TEXT_CHARS = 1000;
const REMEDIATION_CHARS = 2000;
const SHORT_CHARS = 300;
/** Facts, attestations and referenced checks listed at most. */
const MAX_LISTED = 30;
const omitted = (items: readonly unknown[]) =>
  Math.max(0, items.length - MAX_LISTED);

type Services = Pick<RequestServices, 'registry' | 'factSources'>;

/**
 * Whether a fact's collector runs here, and so whether the fact is known;
 * `pushed` facts are sent by pipelines (`POST /facts`), not collected.
 */
type CollectorStatus =
  | 'built-in'
  | 'installed'
  | 'pushed'
  | 'turned-off'
  | 'not-installed';

function collectorStatus(
  services: Services,
  collector: string,
): CollectorStatus {
  if (collector === CATALOG_SOURCE) {
    return 'built-in';
  }
  if (collector === PUSHED_SOURCE) {
    return 'pushed';
  }
  if (!services.factSources.installed().includes(collector)) {
    return 'not-installed';
  }
  return services.factSources.enabled(collector) ? 'installed' : 'turned-off';
}

/** Whether the check counts today, and from when if not yet. */
function enforcement(check: CheckDefinition, today: string) {
  if (check.enforcement === 'advisory') {
    return { enforcement: 'advisory' as const };
  }
  if (check.enforcedFrom !== undefined && today < check.enforcedFrom) {
    return {
      enforcement: 'advisory' as const,
      enforcedFrom: check.enforcedFrom,
    };
  }
  return {
    enforcement: 'enforced' as const,
    ...(check.enforcedFrom !== undefined && {
      enforcedFrom: check.enforcedFrom,
    }),
  };
}

/** `explain-check`: what a check asks, how it decides and what it reads. */
export function registerExplainCheck(
  registry: ActionsRegistryService,
  services: Services,
): void {
  registry.register({
    name: 'explain-check',
    title: 'Explain a scorecard check',
    description: `Explains one check of a Readiness scorecard: what it asks (title, description, category, level, weight), whether it counts yet (enforcement: advisory checks warn without lowering the score or blocking a level, until enforcedFrom), whether owners may request an exemption (exemptible), how it is decided (decidedBy: its condition as indented lines, at most ${MAX_CONDITION_LINES}), how to fix it (remediation), and the facts it reads, each with its type, description and the collector that provides it (at most ${MAX_LISTED} facts, attestations and referenced checks each; the omitted* fields count the rest).
A check passes when its condition holds, fails when it does not, and is unknown when a fact it needs was not collected or is older than its maxAge: a fact whose collector is not-installed or turned-off makes the check unknown everywhere.
Use it when asked what a check means, why an entity fails it, or what data it needs. It reads scorecard definitions only, no entity.`,
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          scorecard: z
            .string()
            .min(1)
            .max(MAX_ID_LENGTH)
            .describe('Scorecard id, e.g. production-readiness.'),
          check: z
            .string()
            .min(1)
            .max(MAX_ID_LENGTH)
            .describe('Check id, e.g. runbook.'),
        }),
      output: z => {
        const named = z.object({ id: z.string(), title: z.string() });
        return z.object({
          scorecard: named,
          check: z.object({
            id: z.string(),
            title: z.string(),
            description: z.string().optional(),
            category: named,
            level: named,
            weight: z.number(),
            severity: z.string().optional(),
            enforcement: z.enum(['enforced', 'advisory']),
            enforcedFrom: z
              .string()
              .optional()
              .describe('YYYY-MM-DD from which it counts.'),
            exemptible: z.boolean(),
            appliesTo: z
              .string()
              .optional()
              .describe(
                `Entity filter as JSON, cut to ${SHORT_CHARS} characters (ending in …) when longer; the check is not-applicable to other entities.`,
              ),
          }),
          decidedBy: z
            .array(z.string())
            .describe('The condition, one line per node, indented as nested.'),
          omittedConditionLines: z.number().int(),
          remediation: z.object({
            text: z.string(),
            docsUrl: z.string().optional(),
            template: z.string().optional(),
          }),
          facts: z.array(
            z.object({
              name: z.string(),
              type: z.string(),
              description: z.string(),
              collector: z.string(),
              collectorStatus: z
                .enum([
                  'built-in',
                  'installed',
                  'pushed',
                  'turned-off',
                  'not-installed',
                ])
                .describe(
                  'built-in and installed collectors collect it; pushed facts are sent by pipelines and unknown until sent; turned-off and not-installed collectors collect nothing, so checks on their facts are unknown.',
                ),
            }),
          ),
          omittedFacts: z
            .number()
            .int()
            .describe(`Facts read past the first ${MAX_LISTED}, not listed.`),
          attestations: z
            .array(z.string())
            .describe('Attestations owners give that the condition reads.'),
          omittedAttestations: z.number().int(),
          referencedChecks: z
            .array(named)
            .describe('Other checks whose outcome the condition uses.'),
          omittedReferencedChecks: z.number().int(),
        });
      },
    },
    examples: [
      {
        title: 'What does the runbook check ask?',
        input: { scorecard: 'production-readiness', check: 'runbook' },
      },
    ],
    action: async ({ input }) => {
      const { scorecard } = requireScorecard(
        services.registry,
        input.scorecard,
      );
      const check = requireCheck(scorecard, input.check);
      const named = (
        item: { id: string; title: string } | undefined,
        id: string,
      ) => ({
        id,
        title: truncateText(item?.title ?? id, SHORT_CHARS),
      });
      const described = describeCondition(check.condition);
      const known = new Map(services.factSources.known().map(f => [f.name, f]));
      const today = new Date().toISOString().slice(0, 10);
      const output = {
        scorecard: named(scorecard, scorecard.id),
        check: {
          id: check.id,
          title: truncateText(check.title, SHORT_CHARS),
          ...(check.description && {
            description: truncateText(check.description, TEXT_CHARS),
          }),
          category: named(
            scorecard.categories.find(c => c.id === check.category),
            check.category,
          ),
          level: named(
            scorecard.levels.find(l => l.id === check.level),
            check.level,
          ),
          weight: check.weight,
          ...(check.severity && { severity: check.severity }),
          ...enforcement(check, today),
          exemptible: check.exemptible !== false,
          ...(check.appliesTo && {
            appliesTo: truncateText(
              JSON.stringify(check.appliesTo),
              SHORT_CHARS,
            ),
          }),
        },
        decidedBy: described.lines.map(line => truncateText(line, SHORT_CHARS)),
        omittedConditionLines: described.omittedLines,
        remediation: {
          text: truncateText(check.remediation.text, REMEDIATION_CHARS),
          ...(check.remediation.docsUrl && {
            docsUrl: truncateText(check.remediation.docsUrl, SHORT_CHARS),
          }),
          ...(check.remediation.template && {
            template: truncateText(check.remediation.template, SHORT_CHARS),
          }),
        },
        facts: described.facts.slice(0, MAX_LISTED).map(name => {
          const collector = collectorOfFact(name);
          const fact = known.get(name);
          return {
            name,
            type: fact?.type ?? 'unknown',
            description: truncateText(
              fact?.description ?? 'Declared by no collector known here.',
              SHORT_CHARS,
            ),
            collector,
            collectorStatus: collectorStatus(services, collector),
          };
        }),
        omittedFacts: omitted(described.facts),
        attestations: described.attestations.slice(0, MAX_LISTED),
        omittedAttestations: omitted(described.attestations),
        referencedChecks: described.checks.slice(0, MAX_LISTED).map(id =>
          named(
            scorecard.checks.find(c => c.id === id),
            id,
          ),
        ),
        omittedReferencedChecks: omitted(described.checks),
      };
      return {
        output: fitOutput(output, o => {
          if (o.decidedBy.length === 0) {
            return false;
          }
          const dropped = Math.ceil(o.decidedBy.length / 2);
          o.decidedBy.length -= dropped;
          o.omittedConditionLines += dropped;
          return true;
        }),
      };
    },
  });
}
