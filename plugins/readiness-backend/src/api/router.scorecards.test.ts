import request from 'supertest';
import { checkout, library } from '../__testUtils__/catalogEntities';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';

describe('readiness API: scorecards', () => {
  it('lists the scorecards with how entities stand on them', async () => {
    const { server } = await startReadinessBackend({ entities: [checkout] });
    await request(server)
      .get('/api/readiness/entities/component/default/checkout')
      .expect(200);

    const res = await request(server).get('/api/readiness/scorecards');

    expect(res.status).toBe(200);
    expect(res.body.problems).toEqual([]);
    const production = res.body.items.find(
      (s: { id: string }) => s.id === 'production-readiness',
    );
    expect(production).toMatchObject({
      title: 'Production Readiness',
      checks: 47,
      entities: 1,
      levelCounts: { none: 1 },
      waivedChecks: 0,
      source: expect.stringMatching(/production-readiness\.yaml$/),
    });
  });

  it('serves one scorecard with its definition, and 404 for an unknown one', async () => {
    const { server } = await startReadinessBackend({ entities: [checkout] });

    const res = await request(server).get(
      '/api/readiness/scorecards/api-quality',
    );
    expect(res.status).toBe(200);
    expect(res.body.scorecard).toMatchObject({
      id: 'api-quality',
      entities: 0,
    });
    expect(res.body.definition.appliesTo).toEqual({ kind: 'api' });

    const missing = await request(server).get('/api/readiness/scorecards/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('production-readiness');
  });

  it('serves per-check pass rates, and lists the entities failing a check', async () => {
    const { server } = await startReadinessBackend({
      entities: [checkout, library],
    });
    await request(server)
      .get('/api/readiness/entities/component/default/checkout')
      .expect(200);

    const res = await request(server)
      .get('/api/readiness/scorecards/production-readiness')
      .expect(200);
    const checks = Object.fromEntries(
      res.body.checks.map((c: { id: string }) => [c.id, c]),
    );
    expect(checks['owner-set']).toMatchObject({
      counts: { pass: 1, fail: 0, unknown: 0 },
      passRate: 1,
    });
    expect(checks.techdocs).toMatchObject({
      counts: { pass: 0, fail: 1 },
      passRate: 0,
    });
    expect(res.body.problems).toEqual([]);

    const failing = await request(server)
      .get(
        '/api/readiness/results?scorecard=production-readiness&check=techdocs&status=fail',
      )
      .expect(200);
    expect(
      failing.body.items.map((r: { entityRef: string }) => r.entityRef),
    ).toEqual(['component:default/checkout']);
    const bad = await request(server).get(
      '/api/readiness/results?scorecard=production-readiness&status=broken',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/status/);
  });
});
