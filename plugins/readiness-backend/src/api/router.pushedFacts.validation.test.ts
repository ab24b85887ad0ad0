import { mockCredentials } from '@backstage/backend-test-utils';
import { Server } from 'node:http';
import request from 'supertest';
import { checkout } from '../__testUtils__/catalogEntities';
import {
  coveredCheck,
  hoursAgo,
  PUSHED_FACTS_CONFIG,
  pushableBy,
  pushFacts,
} from '../__testUtils__/pushedFactsFixtures';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';

jest.setTimeout(60_000);

const VALID = {
  entityRef: 'component:default/checkout',
  source: 'github-actions',
  facts: { testCoverage: 85 },
};

const many = <T>(count: number, make: (i: number) => T): T[] =>
  Array.from({ length: count }, (_, i) => make(i));

describe('readiness API: pushed facts that are refused', () => {
  let server: Server;

  beforeAll(async () => {
    ({ server } = await startReadinessBackend({
      entities: [pushableBy(checkout)],
      config: PUSHED_FACTS_CONFIG,
    }));
  });

  it.each<[string, object, string]>([
    [
      'an undeclared fact, with the declared one it is close to',
      { facts: { testCoverag: 85 } },
      'facts.testCoverag is not a declared pushed fact (did you mean "testCoverage"?)',
    ],
    [
      'an undeclared fact, with the declared ones',
      { facts: { 'pushed.latency': 85 } },
      'facts.pushed.latency is not a declared pushed fact (declared: testCoverage, evalPassRate, suites, labels, release, green)',
    ],
    [
      'a very long undeclared name, shown cut short',
      { facts: { ['x'.repeat(200_000)]: 1 } },
      `facts."${'x'.repeat(64)}…" is not a declared pushed fact`,
    ],
    [
      'a value of the wrong type',
      { facts: { testCoverage: '85' } },
      'facts.testCoverage must be a number (readiness.pushedFacts), got string',
    ],
    [
      'a list where a boolean is declared',
      { facts: { green: ['yes'] } },
      'facts.green must be true or false (readiness.pushedFacts), got a list',
    ],
    [
      'a string too long',
      { facts: { release: 'x'.repeat(1025) } },
      'facts.release is 1025 characters long; at most 1024 are allowed',
    ],
    [
      'a list too long',
      { facts: { suites: many(101, i => `s${i}`) } },
      'facts.suites has 101 items; at most 100 are allowed',
    ],
    [
      'a list item too long',
      { facts: { suites: ['unit', 'y'.repeat(257)] } },
      'facts.suites[1] is 257 characters long; at most 256 are allowed',
    ],
    [
      'a list item that is no string',
      { facts: { suites: ['unit', 3] } },
      'facts.suites[1] must be a string, got number',
    ],
    [
      'a map with too many keys',
      {
        facts: {
          labels: Object.fromEntries(many(101, i => [`k${i}`, 'v'] as const)),
        },
      },
      'facts.labels has 101 keys; at most 100 are allowed',
    ],
    [
      'a map of something else than strings',
      { facts: { labels: { tier: 1 } } },
      'facts.labels["tier"] must be a string, got number',
    ],
    [
      'more than 50 facts',
      {
        facts: Object.fromEntries(many(51, i => [`fact${i}`, 1] as const)),
      },
      'facts names 51 facts; at most 50 may be pushed at once',
    ],
    ['no facts', { facts: {} }, 'facts must name at least one fact'],
    [
      'the same fact twice',
      { facts: { testCoverage: 1, 'pushed.testCoverage': 2 } },
      'facts.pushed.testCoverage names pushed.testCoverage a second time',
    ],
    [
      'a source with spaces',
      { source: 'my pipeline' },
      'source must be 1 to 128 letters, digits and . _ : / @ -, starting with a letter or digit (e.g. github-actions), got "my pipeline"',
    ],
    [
      'a source too long',
      { source: 'a'.repeat(129) },
      'source must be 1 to 128 letters',
    ],
    [
      'an observation time that is not ISO 8601',
      { observedAt: 'yesterday' },
      'observedAt must be an ISO 8601 time such as 2027-01-10T09:30:00Z, got "yesterday"',
    ],
    [
      'an observation time on a day that does not exist',
      { observedAt: '2027-02-30T10:00:00Z' },
      'observedAt must be an ISO 8601 time',
    ],
    [
      'an observation time in the future',
      { observedAt: hoursAgo(-3) },
      "observedAt is 3 hours ahead of the backend's clock; at most 5 minutes ahead is accepted",
    ],
    [
      'an observation older than 30 days',
      { observedAt: hoursAgo(31 * 24) },
      'observedAt is 31 days old; observations older than 30 days are not accepted',
    ],
    [
      'an entity ref without a kind',
      { entityRef: 'checkout' },
      'entityRef must be an entity ref such as component:default/my-service, got "checkout"',
    ],
  ])('answers 400 for %s', async (_case, change, message) => {
    const res = await pushFacts(server, { ...VALID, ...change });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(message);
  });

  it('answers 400 for a number too large to be finite', async () => {
    const res = await request(server)
      .post('/api/readiness/facts')
      .set('Authorization', mockCredentials.service.header())
      .set('Content-Type', 'application/json')
      .send(
        '{"entityRef":"component:default/checkout","source":"ci","facts":{"testCoverage":1e400}}',
      );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'facts.testCoverage must be a finite number',
    );
  });

  it('names every problem of a push in one answer, and stores none of its facts', async () => {
    const res = await pushFacts(server, {
      ...VALID,
      source: '-',
      facts: { testCoverage: 99, evalPassRate: 'high', nope: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message.split('; ')).toEqual([
      expect.stringMatching(/^source must be/),
      'facts.evalPassRate must be a number (readiness.pushedFacts), got string',
      expect.stringMatching(/^facts\.nope is not a declared pushed fact/),
    ]);
    await expect(
      coveredCheck(server, 'component/default/checkout'),
    ).resolves.toMatchObject({ status: 'unknown' });
  });

  it.each([
    ['a field the contract does not know', { ...VALID, extra: 1 }],
    ['no source', { entityRef: VALID.entityRef, facts: VALID.facts }],
    ['facts that are not a mapping', { ...VALID, facts: [1] }],
  ])('answers 400 for %s, from the contract', async (_case, body) => {
    const res = await pushFacts(server, body);
    expect(res.status).toBe(400);
  });
});
