/*
 * A scorecard of `size` checks, each an `all` of ten references to the one
 * before; the first fails for an entity without an owner. References used
 * to copy every reason of the check they named, so the last check's reasons
 * grew ten-fold per check (95 MB for one entity at 1.8 KB of YAML); now a
 * reference says only "check X fails", and the result grows linearly.
 */
import type { Entity } from '@backstage/catalog-model';
import {
  BUILT_IN_FACTS,
  catalogFacts,
  evaluateScorecard,
  parseScorecardFile,
} from '@readiness/plugin-readiness-common';
import type { HostileFigures } from './HostileFigures';
import { hostileScorecard } from './hostileScorecard';

const NOW = new Date('2026-12-06T12:00:00Z');

const ENTITY: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'no-owner' },
  spec: { type: 'service', lifecycle: 'production' },
};

export function referenceChain(size: number): string {
  const checks = [];
  for (let i = 0; i < size; i++) {
    const condition =
      i === 0
        ? '{ fact: catalog.owner, exists: true }'
        : `{ all: [${Array(10)
            .fill(`{ check: c${i - 1} }`)
            .join(', ')}] }`;
    checks.push(`    - id: c${i}
      title: Check ${i}
      category: ownership
      level: bronze
      weight: 1
      remediation: { text: Fix it. }
      condition: ${condition}`);
  }
  return hostileScorecard({
    name: 'reference-chain',
    title: 'Reference chain',
    description: `${size} checks, each referring ten times to the one before`,
    checks: checks.join('\n'),
  });
}

/** Parses the chain of `size` checks and evaluates it for one entity. */
export async function measure(size: number): Promise<HostileFigures> {
  const text = referenceChain(size);
  const start = performance.now();
  const { scorecards, problems } = parseScorecardFile(text, {
    source: 'reference-chain.yaml',
    knownFacts: BUILT_IN_FACTS,
  });
  if (problems.length > 0) {
    throw new Error(`Unexpected problems: ${JSON.stringify(problems)}`);
  }
  const result = evaluateScorecard(
    scorecards[0],
    ENTITY,
    catalogFacts(ENTITY, NOW),
    NOW,
  );
  const ms = performance.now() - start;
  if (result.checks[size - 1].status !== 'fail') {
    throw new Error(`The last check did not fail: ${result.checks[size - 1]}`);
  }
  return {
    size,
    bytes: Buffer.byteLength(text),
    ms,
    heapMB: process.memoryUsage().heapUsed / 2 ** 20,
  };
}
