import {
  AuditorService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';

/** An audit event as {@link recordingAuditor} keeps it. */
export interface RecordedAuditEvent {
  eventId: string;
  severityLevel?: string;
  /** `POST /api/readiness/facts`, when the event was given its request. */
  request?: string;
  meta?: JsonObject;
  outcome?: 'success' | 'fail';
  /** What success or fail added. */
  outcomeMeta?: JsonObject;
  /** The message of the error it failed with. */
  error?: string;
}

/**
 * An auditor that keeps its events, in the order they were created, and
 * the service factory that gives it to the plugin under test.
 */
export function recordingAuditor() {
  const events: RecordedAuditEvent[] = [];
  const auditor: AuditorService = {
    async createEvent({ eventId, severityLevel, request, meta }) {
      const event: RecordedAuditEvent = {
        eventId,
        severityLevel,
        request: request && `${request.method} ${request.originalUrl}`,
        meta,
      };
      events.push(event);
      return {
        async success(options) {
          Object.assign(event, {
            outcome: 'success',
            outcomeMeta: options?.meta,
          });
        },
        async fail({ meta: failMeta, error }) {
          Object.assign(event, {
            outcome: 'fail',
            outcomeMeta: failMeta,
            error: error.message,
          });
        },
      };
    },
  };
  const factory = createServiceFactory({
    service: coreServices.auditor,
    deps: {},
    factory: () => auditor,
  });
  return { auditor, events, factory };
}
