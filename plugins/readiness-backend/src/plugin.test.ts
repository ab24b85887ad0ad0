import { mockServices } from '@backstage/backend-test-utils';
import { UrlReaderServiceReadTreeResponse } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { checkout } from './__testUtils__/catalogEntities';
import { startReadinessBackend } from './__testUtils__/startReadinessBackend';

describe('readiness backend plugin', () => {
  it('reads repository facts from the source location, unless turned off', async () => {
    const sourced: Entity = {
      ...checkout,
      metadata: {
        ...checkout.metadata,
        annotations: {
          ...checkout.metadata.annotations,
          'backstage.io/source-location':
            'url:https://git.example/acme/checkout/tree/main/',
        },
      },
    };
    const urlReader = mockServices.urlReader.mock({
      readTree: jest.fn(async () => ({
        files: async () =>
          ['README.md', '.github/workflows/ci.yml'].map(path => ({
            path,
            content: async () => Buffer.from(''),
          })),
      })) as unknown as () => Promise<UrlReaderServiceReadTreeResponse>,
    });
    const ciCheck = async (config: object) => {
      const { server } = await startReadinessBackend({
        entities: [sourced],
        config,
        urlReader,
      });
      const res = await request(server)
        .get('/api/readiness/entities/component/default/checkout')
        .expect(200);
      return res.body.scorecards[0].checks.find(
        (c: { id: string }) => c.id === 'ci-pipeline',
      );
    };

    expect(await ciCheck({})).toMatchObject({
      status: 'pass',
      evidence: expect.arrayContaining([
        expect.objectContaining({
          fact: 'repository.ciWorkflows',
          value: ['.github/workflows/ci.yml'],
          source: 'repository',
        }),
      ]),
    });
    expect(urlReader.readTree).toHaveBeenCalledWith(
      'https://git.example/acme/checkout/tree/main/',
      expect.anything(),
    );

    const off = await ciCheck({
      readiness: { collectors: { repository: { enabled: false } } },
    });
    expect(off).toMatchObject({
      status: 'unknown',
      reason: expect.stringContaining(
        'collector repository is turned off (readiness.collectors.repository.enabled)',
      ),
    });
  });

  it('starts with a broken configured scorecard, reports it and keeps the rest', async () => {
    const { server } = await startReadinessBackend({
      entities: [checkout],
      config: {
        readiness: {
          scorecards: [
            {
              inline: {
                apiVersion: 'readiness/v1',
                kind: 'Scorecard',
                metadata: { name: 'broken', title: 'Broken', description: 'x' },
                spec: { appliesTo: { kind: 'component' }, levels: [] },
              },
            },
          ],
        },
      },
    });

    const res = await request(server).get('/api/readiness/scorecards');

    expect(res.status).toBe(200);
    expect(res.body.items.map((s: { id: string }) => s.id).sort()).toEqual([
      'api-quality',
      'production-readiness',
    ]);
    expect(res.body.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: 'app-config readiness.scorecards[0].inline',
        }),
      ]),
    );
  });
});
