import { AuditorService } from '@backstage/backend-plugin-api';
import type { Request } from 'express';

/** What an audited step records before it runs. */
export interface AuditedStepEvent {
  eventId: string;
  /** `medium` unless said: the plugin audits writes. */
  severityLevel?: 'low' | 'medium' | 'high' | 'critical';
  /** The HTTP request, so that the auditor records the actor and route. */
  request?: Request;
  /** Must hold no secret: it is written to the audit log as given. */
  meta: object;
}

/**
 * Runs a step as an auditor event that succeeds or fails with it;
 * `successMeta` adds what only the outcome knows.
 */
export async function auditedStep<T>(
  auditor: AuditorService,
  { eventId, severityLevel = 'medium', request, meta }: AuditedStepEvent,
  run: () => Promise<T>,
  successMeta?: (result: T) => object,
): Promise<T> {
  const event = await auditor.createEvent({
    eventId,
    severityLevel,
    ...(request && { request }),
    // Plain JSON: the auditor's meta is a JsonObject.
    meta: JSON.parse(JSON.stringify(meta)),
  });
  try {
    const result = await run();
    await event.success(
      successMeta && { meta: JSON.parse(JSON.stringify(successMeta(result))) },
    );
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
