/*
 * A scorecard whose only check's condition is an `all` of `size` anchored
 * levels, each an `all` of ten aliases to the level below: level n expands
 * to 10^n leaves. Five levels (1.2 KB) used to take seconds to validate and
 * each level more ten times as long; now the parser refuses it as soon as
 * the aliases expand it by more than `maxAliasedBytes`.
 */
import {
  BUILT_IN_FACTS,
  parseScorecardFile,
} from '@readiness/plugin-readiness-common';
import type { HostileFigures } from './HostileFigures';
import { hostileScorecard } from './hostileScorecard';

export function aliasBomb(size: number): string {
  const levels = ['          - &l0 { fact: catalog.owner, exists: true }'];
  for (let level = 1; level <= size; level++) {
    const below = Array(10)
      .fill(`*l${level - 1}`)
      .join(', ');
    levels.push(`          - &l${level} { all: [${below}] }`);
  }
  return hostileScorecard({
    name: 'alias-bomb',
    title: 'Alias bomb',
    description: `YAML aliases nested ${size} levels deep, ten-fold each`,
    checks: `    - id: owner-set
      title: Has an owner
      category: ownership
      level: bronze
      weight: 1
      remediation: { text: Set spec.owner. }
      condition:
        all:
${levels.join('\n')}`,
  });
}

/** Parses and validates the alias bomb of `size` levels. */
export async function measure(size: number): Promise<HostileFigures> {
  const text = aliasBomb(size);
  const start = performance.now();
  const { problems } = parseScorecardFile(text, {
    source: 'alias-bomb.yaml',
    knownFacts: BUILT_IN_FACTS,
  });
  const ms = performance.now() - start;
  if (problems.length > 1) {
    throw new Error(`Unexpected problems: ${JSON.stringify(problems)}`);
  }
  return {
    size,
    bytes: Buffer.byteLength(text),
    ms,
    heapMB: process.memoryUsage().heapUsed / 2 ** 20,
  };
}
