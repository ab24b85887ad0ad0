import { Entity } from '@backstage/catalog-model';

/**
 * The annotation that names the services allowed to push facts about an
 * entity, by subject (for a static token, its `subject` as configured),
 * separated by commas or whitespace: `readiness.dev/fact-pushers:
 * ci-checkout, eval-harness`.
 */
export const FACT_PUSHERS_ANNOTATION = 'readiness.dev/fact-pushers';

/** Whether the entity's annotation names the subject. */
export function entityAllowsPusher(entity: Entity, subject: string): boolean {
  const listed = entity.metadata.annotations?.[FACT_PUSHERS_ANNOTATION];
  if (typeof listed !== 'string') {
    return false;
  }
  return listed.split(/[\s,]+/).includes(subject);
}
