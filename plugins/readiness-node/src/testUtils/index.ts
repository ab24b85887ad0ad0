/**
 * Test helpers for Readiness collector modules.
 *
 * @packageDocumentation
 */

export { sendJson, startTestServer } from './startTestServer';
export type {
  RecordedRequest,
  TestServer,
  TestServerHandler,
} from './startTestServer';
