import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  hint,
  isCalendarDay,
  type FactDefinition,
  type FactValue,
} from '@readiness/plugin-readiness-common';
import { checkPushedValue } from './checkPushedValue';
import { PUSHED_PREFIX } from './readPushedFacts';

/** The body of `POST /facts`, as the contract lets it through. */
export interface FactsPushBody {
  entityRef: string;
  source: string;
  observedAt?: string;
  facts: Record<string, unknown>;
}

/** A push that {@link parseFactsPush} accepted. */
export interface ParsedFactsPush {
  /** As written, normalised; the catalog spells it when stored. */
  entityRef: string;
  source: string;
  observedAt: Date;
  /** By full fact name (`pushed.testCoverage`). */
  facts: Map<string, FactValue>;
}

/** Bounds of one push, so that one request costs little to check and store. */
export const PUSH_LIMITS = {
  maxFacts: 50,
  /** How far ahead of the backend's clock a pipeline's clock may be. */
  maxFutureMs: 5 * 60 * 1000,
  /** Older observations are history, not the state of the entity. */
  maxAgeMs: 30 * 24 * 60 * 60 * 1000,
};

const SOURCE = /^[A-Za-z0-9][A-Za-z0-9._:/@-]{0,127}$/;
const ISO_TIME =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
/** The longest name `readiness.pushedFacts` declares. */
const MAX_NAME_LENGTH = 64;
/** Problems listed in one answer at most; the rest are counted. */
const MAX_PROBLEMS_SHOWN = 5;

/** Text from the caller, quoted and cut short for a message. */
function quote(text: string): string {
  return JSON.stringify(text.length > 64 ? `${text.slice(0, 64)}…` : text);
}

function describeAge(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) {
    return `${minutes} minutes`;
  }
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} hours` : `${Math.round(hours / 24)} days`;
}

/** `observedAt`, or why it cannot be the time of the observation. */
function parseObservedAt(text: string, now: Date): Date | string {
  const match = ISO_TIME.exec(text);
  const time = match && isCalendarDay(match[1]) ? Date.parse(text) : NaN;
  if (Number.isNaN(time)) {
    return `observedAt must be an ISO 8601 time such as 2027-01-10T09:30:00Z, got ${quote(
      text,
    )}`;
  }
  const ahead = time - now.getTime();
  if (ahead > PUSH_LIMITS.maxFutureMs) {
    return `observedAt is ${describeAge(
      ahead,
    )} ahead of the backend's clock; at most 5 minutes ahead is accepted`;
  }
  if (-ahead > PUSH_LIMITS.maxAgeMs) {
    return `observedAt is ${describeAge(
      -ahead,
    )} old; observations older than 30 days are not accepted`;
  }
  return new Date(time);
}

/**
 * Checks a push against the declared facts (`readiness.pushedFacts`): every
 * fact declared, of its type and within bounds, the source and time well
 * formed. Fact names may be written with or without `pushed.`. Every
 * problem names its field, in one 400.
 */
export function parseFactsPush(
  body: FactsPushBody,
  definitions: readonly FactDefinition[],
  now: Date,
): ParsedFactsPush {
  const problems: string[] = [];
  let entityRef = body.entityRef;
  try {
    entityRef = stringifyEntityRef(parseEntityRef(body.entityRef));
  } catch {
    problems.push(
      `entityRef must be an entity ref such as component:default/my-service, got ${quote(
        body.entityRef,
      )}`,
    );
  }
  if (!SOURCE.test(body.source)) {
    problems.push(
      `source must be 1 to 128 letters, digits and . _ : / @ -, starting with a letter or digit (e.g. github-actions), got ${quote(
        body.source,
      )}`,
    );
  }
  let observedAt = now;
  if (body.observedAt !== undefined) {
    const parsed = parseObservedAt(body.observedAt, now);
    if (typeof parsed === 'string') {
      problems.push(parsed);
    } else {
      observedAt = parsed;
    }
  }
  const facts = parseFacts(body.facts, definitions, problems);
  if (problems.length > 0) {
    const more = problems.length - MAX_PROBLEMS_SHOWN;
    throw new InputError(
      `${problems.slice(0, MAX_PROBLEMS_SHOWN).join('; ')}${
        more > 0 ? `; and ${more} more problems` : ''
      }`,
    );
  }
  return { entityRef, source: body.source, observedAt, facts };
}

function parseFacts(
  given: Record<string, unknown>,
  definitions: readonly FactDefinition[],
  problems: string[],
): Map<string, FactValue> {
  const entries = Object.entries(given);
  if (entries.length === 0) {
    problems.push('facts must name at least one fact');
    return new Map();
  }
  if (entries.length > PUSH_LIMITS.maxFacts) {
    problems.push(
      `facts names ${entries.length} facts; at most ${PUSH_LIMITS.maxFacts} may be pushed at once`,
    );
    return new Map();
  }
  const byName = new Map(definitions.map(d => [d.name, d]));
  const declared = definitions.map(d => d.name.slice(PUSHED_PREFIX.length));
  const facts = new Map<string, FactValue>();
  for (const [written, value] of entries) {
    const field = `facts.${
      written.length > MAX_NAME_LENGTH ? quote(written) : written
    }`;
    const short = written.startsWith(PUSHED_PREFIX)
      ? written.slice(PUSHED_PREFIX.length)
      : written;
    const definition = byName.get(`${PUSHED_PREFIX}${short}`);
    if (!definition) {
      // Declared names have at most 64 characters; comparing a longer one
      // with each would cost its length times theirs, for no suggestion.
      const suggestion =
        short.length > MAX_NAME_LENGTH ? '' : hint(short, declared, 'declared');
      problems.push(
        declared.length === 0
          ? `${field} is not a declared pushed fact; none are declared (readiness.pushedFacts)`
          : `${field} is not a declared pushed fact${suggestion}`,
      );
      continue;
    }
    if (facts.has(definition.name)) {
      problems.push(`${field} names ${definition.name} a second time`);
      continue;
    }
    const problem = checkPushedValue(value, definition.type);
    if (problem) {
      problems.push(`${field}${problem.startsWith('[') ? '' : ' '}${problem}`);
      continue;
    }
    facts.set(definition.name, value as FactValue);
  }
  return facts;
}
