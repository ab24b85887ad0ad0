import { CampaignDefinition } from '../campaigns';
import { Context } from './context';
import { documentParts, validateMetadata } from './documentHeader';
import { Mapping } from './mapping';
import { DocumentPosition } from './problems';
import { readCalendarDay } from './calendarDay';
import { validateGoal, validateReminders } from './validateCampaignGoal';
import { validatePredicate } from './validatePredicate';

/**
 * A campaign read from a file, with where it names its scorecard, level and
 * checks: those are checked once every scorecard is known
 * (`checkCampaignReferences`), as they may be defined in other files.
 *
 * @public
 */
export interface ParsedCampaign {
  campaign: CampaignDefinition;
  /** The file (or other origin) it came from, as given to the parser. */
  source: string;
  references: {
    scorecard: DocumentPosition;
    level?: DocumentPosition;
    /** In the order of `goal.checks`. */
    checks?: DocumentPosition[];
  };
}

const SPEC_KEYS = [
  'scorecard',
  'goal',
  'appliesTo',
  'startsAt',
  'dueAt',
  'reminders',
  'onComplete',
];

/** `onComplete: { promote: true }`. */
function validateOnComplete(
  spec: Mapping,
): CampaignDefinition['onComplete'] | null {
  const mapping = spec.mapping('onComplete', false);
  if (mapping === undefined) {
    return spec.has('onComplete') ? null : undefined;
  }
  mapping.allowOnly(['promote']);
  const promote = mapping.boolean('promote', true);
  return promote === undefined ? null : { promote };
}

/** `startsAt` and `dueAt`, the deadline not before the start. */
function validateDates(
  spec: Mapping,
): { startsAt: string; dueAt: string } | undefined {
  const startsAt = readCalendarDay(spec, 'startsAt', true);
  const dueAt = readCalendarDay(spec, 'dueAt', true);
  if (startsAt === undefined || dueAt === undefined) {
    return undefined;
  }
  if (dueAt < startsAt) {
    spec.report('dueAt', `${dueAt} is before startsAt ${startsAt}`);
    return undefined;
  }
  return { startsAt, dueAt };
}

/**
 * Validates one `kind: Campaign` document; `names` holds the names (and
 * lines) of the file's earlier campaigns. Its references to a scorecard,
 * level and checks are only located here.
 */
export function validateCampaign(
  ctx: Context,
  document: Mapping,
  names: Map<string, number>,
): ParsedCampaign | undefined {
  const parts = documentParts(document);
  const metadata =
    parts.metadata &&
    validateMetadata(parts.metadata, names, {
      what: 'campaign name',
      example: 'slo-everywhere',
      descriptionRequired: false,
    });
  const spec = parts.spec;
  if (spec === undefined) {
    return undefined;
  }
  spec.allowOnly(SPEC_KEYS);
  const scorecard = spec.string('scorecard', true);
  const goal = validateGoal(ctx, spec);
  const appliesTo = validatePredicate(ctx, spec, 'appliesTo', false);
  const dates = validateDates(spec);
  const reminderDays = validateReminders(ctx, spec);
  const onComplete = validateOnComplete(spec);
  if (
    !metadata?.name ||
    !metadata.title ||
    scorecard === undefined ||
    !goal ||
    (spec.has('appliesTo') && appliesTo === undefined) ||
    !dates ||
    !reminderDays ||
    onComplete === null
  ) {
    return undefined;
  }
  const { name, title, description, owner } = metadata;
  const campaign: CampaignDefinition = {
    id: name,
    title,
    ...(description !== undefined && { description }),
    ...(owner !== undefined && { owner }),
    scorecard,
    goal: goal.goal,
    ...(appliesTo !== undefined && { appliesTo }),
    ...dates,
    reminderDays,
    ...(onComplete !== undefined && { onComplete }),
  };
  return {
    campaign,
    source: ctx.source,
    references: {
      scorecard: spec.positionOf('scorecard'),
      ...(goal.level && { level: goal.level }),
      ...(goal.checks && { checks: goal.checks }),
    },
  };
}
