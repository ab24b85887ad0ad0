/** The Readiness backend's scheduled full catalog run. */
export const EVALUATION_TASK = 'readiness-evaluate-catalog';

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
