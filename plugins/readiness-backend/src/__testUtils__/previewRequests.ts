import { mockCredentials } from '@backstage/backend-test-utils';
import { Server } from 'node:http';
import request from 'supertest';

/** How long to wait between two polls of a running preview. */
const POLL_INTERVAL_MS = 20;

/** The Authorization header of user ada. */
export const ADA = mockCredentials.user.header('user:default/ada');
/** The Authorization header of user bob. */
export const BOB = mockCredentials.user.header('user:default/bob');

/** Starts a preview of the document. */
export const startPreview = (server: Server, document: string, auth = ADA) =>
  request(server)
    .post('/api/readiness/scorecards/preview')
    .set('Authorization', auth)
    .send({ document });

/** Polls the job until it is no longer running. */
export async function finishedPreview(server: Server, id: string, auth = ADA) {
  for (;;) {
    const res = await request(server)
      .get(`/api/readiness/scorecards/preview/${id}`)
      .set('Authorization', auth);
    if (res.status !== 200 || res.body.status !== 'running') {
      return res;
    }
    await new Promise(resolve => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}
