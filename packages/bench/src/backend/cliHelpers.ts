/** The Readiness backend's scheduled full catalog run. */
export const EVALUATION_TASK = 'readiness-evaluate-catalog';

/**
 * A catalog run soon after start-up and then not for hours, so that the
 * benchmark decides which runs it measures.
 */
export const MEASURED_RUN_SCHEDULE = {
  frequency: { hours: 6 },
  timeout: { hours: 2 },
  initialDelay: { seconds: 1 },
};

/** No change scan while a benchmark runs: only the measured runs evaluate. */
export const NO_CHANGE_SCAN = {
  frequency: { hours: 6 },
  timeout: { minutes: 10 },
  initialDelay: { hours: 6 },
};

/** `--name value` from the command line, or the fallback. */
export function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] ?? fallback : fallback;
}

/** A Markdown table on standard output. */
export function printTable(
  header: Array<string | number>,
  rows: Array<Array<string | number | undefined>>,
) {
  process.stdout.write(`| ${header.join(' | ')} |\n`);
  process.stdout.write(`| ${header.map(() => '---').join(' | ')} |\n`);
  for (const row of rows) {
    process.stdout.write(`| ${row.map(c => c ?? '').join(' | ')} |\n`);
  }
}
