/**
 * Test helpers for Readiness collector modules.
 *
 * @packageDocumentation
 */

export { sendEndless, sendJson, startTestServer } from './startTestServer';
export type {
  RecordedRequest,
  TestServer,
  TestServerHandler,
} from './startTestServer';
