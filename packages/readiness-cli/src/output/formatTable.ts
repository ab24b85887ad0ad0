import { ScorecardResult } from '@readiness/plugin-readiness-common';
import {
  advisoryLabel,
  campaignLine,
  isAdvisoryFailing,
} from './formatAdvisory';

const STATUS_COLUMNS = [
  ['PASS', 'pass'],
  ['FAIL', 'fail'],
  ['UNKNOWN', 'unknown'],
  ['N/A', 'not-applicable'],
  ['WAIVED', 'waived'],
] as const;

/** Statuses that keep an entity from a level, listed under its row. */
const SHOWN = new Set(['fail', 'unknown']);

/**
 * The `--format table` text: a row per entity and scorecard with its score,
 * level and status counts (advisory checks left out), and under it the
 * checks that fail or are unknown, indented, with why (advisory ones say so
 * and when they will be enforced), then the campaigns that target it.
 */
export function formatTable(results: ScorecardResult[]): string {
  const header = [
    'ENTITY',
    'SCORECARD',
    'SCORE',
    'LEVEL',
    ...STATUS_COLUMNS.map(([title]) => title),
  ];
  const rows = results.map(result => [
    result.entityRef,
    result.scorecard.id,
    result.score.toFixed(1),
    result.level ?? '-',
    ...STATUS_COLUMNS.map(([, status]) => String(result.counts[status])),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map(row => row[column].length)),
  );
  // Names align left, numbers right, as in `ls -l`.
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 || column === 1 || column === 3
          ? cell.padEnd(widths[column])
          : cell.padStart(widths[column]),
      )
      .join('  ')
      .trimEnd();

  const lines = [line(header)];
  results.forEach((result, i) => {
    lines.push(line(rows[i]));
    const shown = result.checks.filter(check => SHOWN.has(check.status));
    const idWidth = Math.max(0, ...shown.map(check => check.id.length));
    for (const check of shown) {
      const why = check.reason
        ? `${check.title}: ${check.reason}`
        : check.title;
      const advisory = isAdvisoryFailing(check)
        ? `[${advisoryLabel(check)}] `
        : '';
      lines.push(
        `    ${check.status.padEnd(7)}  ${check.id.padEnd(
          idWidth,
        )}  ${advisory}${why}`,
      );
    }
    for (const item of result.campaigns ?? []) {
      lines.push(`    ${campaignLine(item)}`);
    }
  });
  return `${lines.join('\n')}\n`;
}
