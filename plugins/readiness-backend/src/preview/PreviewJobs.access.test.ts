import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { checkout, draft } from '../__testUtils__/previewFixtures';
import { startPreview } from '../__testUtils__/previewRequests';
import { startPreviewBackend } from '../__testUtils__/startPreviewBackend';

jest.setTimeout(60_000);

describe('scorecard preview jobs', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('needs the preview permission', async () => {
    const { server } = await startPreviewBackend(databases, {
      entities: [checkout],
      permissions: mockServices.permissions.factory({
        result: AuthorizeResult.DENY,
      }),
    });
    const res = await startPreview(server, draft());
    expect(res.status).toBe(403);
  });

  it('lets a service preview only when readiness.serviceAccess.preview names it', async () => {
    const as = async (subject: string) => {
      const { server } = await startPreviewBackend(databases, {
        entities: [checkout],
        readiness: { serviceAccess: { preview: ['external:ci'] } },
        httpAuth: mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.service(subject),
        }),
      });
      return request(server)
        .post('/api/readiness/scorecards/preview')
        .send({ document: draft() });
    };
    const denied = await as('external:other');
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toBe(
      'Service external:other may not preview: it is not listed in readiness.serviceAccess.preview',
    );
    expect((await as('external:ci')).status).toBe(202);
  });
});
