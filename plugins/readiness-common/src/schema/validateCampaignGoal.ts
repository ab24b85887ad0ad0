import { isScalar, Node } from 'yaml';
import { CampaignGoal } from '../campaigns';
import { Context } from './context';
import { childPath, describeNode, Mapping } from './mapping';
import { DocumentPosition } from './problems';

/** A goal, with where its references are, to check them against the scorecard. */
export interface ReadGoal {
  goal: CampaignGoal;
  level?: DocumentPosition;
  checks?: DocumentPosition[];
}

export const DEFAULT_REMINDER_DAYS: readonly number[] = [14, 7, 1];
const MAX_REMINDER_DAYS = 365;

interface ListedString {
  value: string;
  node: Node;
  path: string;
}

/**
 * The items of the list at `key` that are non-empty strings, each once;
 * every other item is reported at its place (as not `what`, or as a
 * duplicate) and makes the list incomplete. `undefined` when there is no
 * list.
 */
function readStringList(
  ctx: Context,
  mapping: Mapping,
  key: string,
  what: string,
): { listed: ListedString[]; complete: boolean } | undefined {
  const items = mapping.list(key, true);
  if (items === undefined) {
    return undefined;
  }
  const firstLines = new Map<string, number>();
  const listed = items.flatMap((node, index): ListedString[] => {
    const path = childPath(mapping.pathOf(key), index);
    if (!isScalar(node) || typeof node.value !== 'string' || !node.value) {
      ctx.report(node, path, `must be ${what}, got ${describeNode(node)}`);
      return [];
    }
    const value = node.value;
    const firstLine = firstLines.get(value);
    if (firstLine !== undefined) {
      ctx.report(
        node,
        path,
        `duplicate "${value}", first listed at line ${firstLine}`,
      );
      return [];
    }
    firstLines.set(value, ctx.position(node).line);
    return [{ value, node, path }];
  });
  return { listed, complete: listed.length === items.length };
}

/** `spec.goal`: `{ checks: [ids] }` or `{ level: id }`, exactly one. */
export function validateGoal(
  ctx: Context,
  spec: Mapping,
): ReadGoal | undefined {
  const mapping = spec.mapping('goal', true);
  if (mapping === undefined) {
    return undefined;
  }
  mapping.allowOnly(['checks', 'level']);
  if (mapping.has('checks') && mapping.has('level')) {
    mapping.reportKey('level', 'give either "checks" or "level", not both');
    return undefined;
  }
  if (mapping.has('level')) {
    const level = mapping.string('level', true);
    return level === undefined
      ? undefined
      : { goal: { level }, level: mapping.positionOf('level') };
  }
  if (!mapping.has('checks')) {
    mapping.reportSelf(
      'a goal needs "checks" (a list of check ids) or "level" (a level id)',
    );
    return undefined;
  }
  const read = readStringList(ctx, mapping, 'checks', 'a check id');
  if (!read?.complete) {
    return undefined;
  }
  if (read.listed.length === 0) {
    mapping.report('checks', 'must list at least one check id');
    return undefined;
  }
  return {
    goal: { checks: read.listed.map(check => check.value) },
    checks: read.listed.map(({ node, path }) => ({
      ...ctx.position(node),
      path,
    })),
  };
}

/**
 * `spec.reminders: [14d, 7d, 1d]`: whole days before `dueAt`, largest first;
 * the default when absent, none for an empty list.
 */
export function validateReminders(
  ctx: Context,
  spec: Mapping,
): number[] | undefined {
  if (!spec.has('reminders')) {
    return [...DEFAULT_REMINDER_DAYS];
  }
  const read = readStringList(
    ctx,
    spec,
    'reminders',
    'a number of days such as 14d',
  );
  if (read === undefined) {
    return undefined;
  }
  const days: number[] = [];
  for (const { value, node, path } of read.listed) {
    const match = /^(\d{1,4})d$/.exec(value);
    const n = match ? Number(match[1]) : NaN;
    if (!(n >= 1 && n <= MAX_REMINDER_DAYS)) {
      ctx.report(
        node,
        path,
        `"${value}" is not a number of days from 1d to ${MAX_REMINDER_DAYS}d, such as 14d`,
      );
    } else if (days.includes(n)) {
      ctx.report(node, path, `"${value}" repeats an earlier reminder`);
    } else {
      days.push(n);
    }
  }
  const valid = read.complete && days.length === read.listed.length;
  return valid ? days.sort((a, b) => b - a) : undefined;
}
