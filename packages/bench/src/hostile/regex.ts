/*
 * A pattern that backtracking takes polynomial time on (121 s for 40
 * characters), matched by the linear-time engine that scorecard conditions
 * and Prometheus rule regexes use. Scorecards refuse text longer than
 * 64 KiB; the engine itself has no such limit, so larger sizes show its
 * time growing linearly.
 */
import { compileLinearRegex } from '@readiness/plugin-readiness-common';
import type { HostileFigures } from './HostileFigures';

const ATTACK = '.*.*.*.*.*.*.*.*.*.*x';

export async function measure(size: number): Promise<HostileFigures> {
  const subject = 'a'.repeat(size);
  const start = performance.now();
  const regex = compileLinearRegex(ATTACK);
  const matched = regex.test(subject);
  const ms = performance.now() - start;
  if (matched) {
    throw new Error(`/${ATTACK}/ matched ${size} a's, which it cannot`);
  }
  return {
    size,
    bytes: Buffer.byteLength(subject),
    ms,
    heapMB: process.memoryUsage().heapUsed / 2 ** 20,
  };
}
