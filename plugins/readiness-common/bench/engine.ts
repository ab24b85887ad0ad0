/*
 * Check evaluations per second of the engine on one core: the built-in
 * scorecard over ~1,000 varied entities, facts collected beforehand, so that
 * only evaluateScorecard is timed. Run with `yarn bench:engine`.
 */
import type { Entity } from '@backstage/catalog-model';
import { evaluateScorecard } from '../src/engine';
import { catalogFacts } from '../src/facts';
import { loadBuiltInScorecards } from '../src/testUtils/builtInScorecards';
import { FactSet } from '../src/types';

const productionReadinessScorecard = loadBuiltInScorecards().get(
  'production-readiness',
)!;

const ENTITIES = 1000;
const WARM_UP_MS = 1000;
const MEASURE_MS = 3000;
const NOW = new Date('2026-11-25T10:00:00Z');

const ANNOTATIONS = [
  'backstage.io/source-location',
  'backstage.io/techdocs-ref',
  'pagerduty.com/service-id',
  'opsgenie.com/component-selector',
  'grafana/dashboard-selector',
  'prometheus.io/rule',
  'github.com/project-slug',
];
const LINK_TYPES = ['runbook', 'dashboard', 'slo', 'website', 'Runbook'];
const LIFECYCLES = ['production', 'experimental', 'deprecated', 'beta'];

/** Park–Miller: the same entities on every run, so runs compare. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 0x7fffffff;
    return state / 0x7fffffff;
  };
}

function makeEntity(index: number, next: () => number): Entity {
  // One in ten entities declares everything, one in ten nothing.
  let share = next();
  if (index % 10 < 2) {
    share = index % 10 === 0 ? 1 : 0;
  }
  const pick = () => next() < share;
  const annotations = Object.fromEntries(
    ANNOTATIONS.filter(pick).map(key => [key, `value-${index}`]),
  );
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `service-${index}`,
      ...(pick() && { description: `Service number ${index}` }),
      annotations,
      links: LINK_TYPES.filter(pick).map(type => ({
        url: `https://example.com/${index}/${type}`,
        type,
      })),
      tags: pick() ? ['java', 'payments'] : [],
    },
    spec: {
      type: index % 3 === 0 ? 'website' : 'service',
      ...(pick() && { owner: `team-${index % 17}` }),
      ...(pick() && { system: `system-${index % 5}` }),
      lifecycle: LIFECYCLES[index % LIFECYCLES.length],
    },
  };
}

const next = random(42);
const inputs: Array<{ entity: Entity; facts: FactSet }> = [];
for (let i = 0; i < ENTITIES; i++) {
  const entity = makeEntity(i, next);
  inputs.push({ entity, facts: catalogFacts(entity, NOW) });
}

/** Evaluates every entity until `ms` have passed; returns rounds and time. */
function run(ms: number): { rounds: number; seconds: number; passes: number } {
  const start = process.hrtime.bigint();
  const end = start + BigInt(ms) * 1_000_000n;
  let rounds = 0;
  let passes = 0;
  let now = start;
  while (now < end) {
    for (const { entity, facts } of inputs) {
      passes += evaluateScorecard(
        productionReadinessScorecard,
        entity,
        facts,
        NOW,
      ).counts.pass;
    }
    rounds += 1;
    now = process.hrtime.bigint();
  }
  return { rounds, seconds: Number(now - start) / 1e9, passes };
}

run(WARM_UP_MS);
const { rounds, seconds, passes } = run(MEASURE_MS);
const checks = productionReadinessScorecard.checks.length;
const evaluations = rounds * ENTITIES * checks;
if (passes === 0 || passes === evaluations) {
  throw new Error('The entities do not vary: every check passed or failed');
}

const rows: Array<[string, string]> = [
  ['entities', String(ENTITIES)],
  ['scorecard checks', String(checks)],
  ['evaluations', String(evaluations)],
  ['seconds', seconds.toFixed(2)],
];
for (const [label, value] of rows) {
  process.stdout.write(`${label.padEnd(18)}${value.padStart(12)}\n`);
}
process.stdout.write(
  `check evaluations/s: ${Math.round(evaluations / seconds)}\n`,
);
