import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { Server } from 'node:http';
import request, { Response } from 'supertest';
import { scorecardDocument } from './definitionDocuments';

/** The facts the tests' pipelines may push, one of each type. */
export const PUSHED_FACTS = [
  { name: 'testCoverage', type: 'number', description: 'Line coverage, %' },
  { name: 'evalPassRate', type: 'number' },
  { name: 'suites', type: 'string-list' },
  { name: 'labels', type: 'string-map' },
  { name: 'release', type: 'string' },
  { name: 'green', type: 'boolean' },
];

/**
 * A scorecard `coverage` of components: level Bronze when a pipeline pushed
 * a test coverage of at least 80 observed within 7 days.
 */
export function coverageScorecard() {
  const document = scorecardDocument('coverage');
  const [owner] = document.spec.checks;
  return {
    ...document,
    spec: {
      ...document.spec,
      checks: [
        {
          ...owner,
          id: 'covered',
          title: 'Tests cover 80% of lines',
          condition: { fact: 'pushed.testCoverage', gte: 80, maxAge: '7d' },
        },
      ],
    },
  };
}

/** Readiness' config with {@link PUSHED_FACTS} and the coverage scorecard. */
export const PUSHED_FACTS_CONFIG = {
  readiness: {
    defaultScorecards: false,
    scorecards: [{ inline: coverageScorecard() }],
    pushedFacts: PUSHED_FACTS,
  },
};

/**
 * The entity with `readiness.dev/fact-pushers` naming these subjects; by
 * default the mock service credentials' `external:test-service`.
 */
export function pushableBy(
  entity: Entity,
  pushers = 'external:test-service',
): Entity {
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        'readiness.dev/fact-pushers': pushers,
      },
    },
  };
}

/** `POST /api/readiness/facts` as a service, unless told otherwise. */
export function pushFacts(
  server: Server,
  body: object,
  authorization = mockCredentials.service.header(),
): Promise<Response> {
  return request(server)
    .post('/api/readiness/facts')
    .set('Authorization', authorization)
    .send(body);
}

/** The check `covered` of an entity's readiness, as a user reads it. */
export async function coveredCheck(server: Server, entityPath: string) {
  const res = await request(server)
    .get(`/api/readiness/entities/${entityPath}`)
    .expect(200);
  return res.body.scorecards[0].checks[0];
}

/** An ISO time `hours` before now. */
export function hoursAgo(hours: number): string {
  return new Date(Date.now() - hours * 60 * 60 * 1000).toISOString();
}
