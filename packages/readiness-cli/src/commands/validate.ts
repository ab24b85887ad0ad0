import { formatScorecardProblem } from '@readiness/plugin-readiness-common';
import { Context } from '../context';
import { EXIT_FAILED, EXIT_OK } from '../errors';
import { readScorecards } from '../scorecards/loadScorecards';

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * `readiness validate <paths…>`: problems on stdout, one line each, so that
 * editors and CI annotations can parse them; the summary on stderr.
 */
export function validateCommand(paths: string[], ctx: Context): number {
  const { fileCount, scorecards, campaigns, problems } = readScorecards(
    paths,
    ctx.cwd,
  );
  const files = count(fileCount, 'file');
  if (problems.length === 0) {
    const documents = [count(scorecards.length, 'scorecard')];
    if (campaigns.length > 0) {
      documents.push(count(campaigns.length, 'campaign'));
    }
    ctx.stderr(
      `${documents.join(' and ')} in ${files} ${
        fileCount === 1 ? 'is' : 'are'
      } valid\n`,
    );
    return EXIT_OK;
  }
  for (const problem of problems) {
    ctx.stdout(`${formatScorecardProblem(problem)}\n`);
  }
  const invalidFiles = new Set(problems.map(problem => problem.source)).size;
  ctx.stderr(
    `${count(problems.length, 'problem')} in ${invalidFiles} of ${files}\n`,
  );
  return EXIT_FAILED;
}
