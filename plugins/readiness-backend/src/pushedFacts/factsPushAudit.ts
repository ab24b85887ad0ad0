import { FactsPushResult } from '@readiness/plugin-readiness-common';
import type { FactsPushBody } from './parseFactsPush';

/**
 * The auditor event of every push, stored or refused; without a prefix,
 * since the auditor records the plugin id beside it.
 */
export const FACTS_PUSH_EVENT_ID = 'facts-push';

/** Fact names an audit event lists at most; the rest are counted. */
const MAX_AUDITED_NAMES = 50;
/** Longer names are cut: a refused push may send any. */
const MAX_AUDITED_NAME_LENGTH = 64;

const cut = (text: string) =>
  text.length > MAX_AUDITED_NAME_LENGTH
    ? `${text.slice(0, MAX_AUDITED_NAME_LENGTH)}…`
    : text;

/**
 * What the audit log records of a push before it is checked: what was sent,
 * but the fact names without their values, which may be large.
 */
export function factsPushAuditMeta(body: FactsPushBody) {
  const names = Object.keys(body.facts);
  const more = names.length - MAX_AUDITED_NAMES;
  return {
    entityRef: body.entityRef,
    source: body.source,
    facts: names.slice(0, MAX_AUDITED_NAMES).map(cut),
    ...(more > 0 && { moreFacts: more }),
  };
}

/** What the audit log adds when a push was taken. */
export function factsPushOutcomeMeta(result: FactsPushResult) {
  const stored = result.facts.filter(fact => fact.stored).length;
  return {
    stored,
    notStored: result.facts.length - stored,
    evaluation: result.evaluation,
  };
}
