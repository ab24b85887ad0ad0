import { Command, Option } from 'commander';
import { version } from '../package.json';
import { evaluateCommand } from './commands/evaluate';
import { gateCommand } from './commands/gate';
import { pushCommand } from './commands/push';
import { validateCommand } from './commands/validate';
import { Context } from './context';

// Section headings have no colon, and no other unindented line may end with
// one: repo-tools' CLI report (cli-report.md) reads such lines as Commander
// sections and fails on any it does not know.
const EXIT_CODES = `
Exit codes
  0  ok
  1  a check failed: invalid scorecards (validate), an entity below the
     required level (gate)
  2  usage or input error: bad flags, an unreadable file or directory, broken
     YAML in a file named on the command line (or, with --strict, in any
     catalog file), invalid scorecards (evaluate, gate), a broken
     --exemptions or --attestations file, an unknown entity, scorecard or
     level, facts the backend refuses (push: its 400, printed as is)
  3  push: the backend could not be reached, did not answer in time, or
     refused the push otherwise (401, 403, 5xx; its message printed as is)

Set READINESS_DEBUG=1 to print the stack trace of an error.`;

/** Adds the options of the commands that read catalog files. */
function addCatalogOptions(command: Command): Command {
  return command
    .requiredOption(
      '--catalog <paths...>',
      'catalog files or directories (multi-document YAML; kind: Location targets are followed to files within the directory given)',
    )
    .option(
      '--strict',
      'fail (exit 2) on files found in --catalog directories that are not YAML, such as Scaffolder skeletons (default: skip them with a warning)',
    )
    .option(
      '--scorecard <paths...>',
      'scorecard files or directories (default: the scorecards of @readiness/plugin-readiness-common)',
    )
    .option(
      '--repo <dir>',
      'a checkout whose files give the repository facts of every evaluated entity',
    )
    .option(
      '--exemptions <file>',
      'exemptions exported as JSON (GET /api/readiness/exemptions?status=active, or a list): the active ones waive the checks they name',
    )
    .option(
      '--attestations <file>',
      'attestations exported as JSON (GET /api/readiness/attestations?status=active, or a list): the active ones count for attestation conditions',
    );
}

/**
 * The `readiness` command line. Actions report their exit code through
 * `setExitCode`; errors propagate to the caller (see `run`).
 */
export function createProgram(
  ctx: Context,
  setExitCode: (code: number) => void,
): Command {
  const program = new Command('readiness')
    .description(
      'Validate Readiness scorecards and evaluate catalog files offline, e.g. in CI; push facts a pipeline observed to the Readiness backend.',
    )
    .version(version)
    .exitOverride()
    .configureOutput({
      writeOut: text => ctx.stdout(text),
      writeErr: text => ctx.stderr(text),
      // One line (Commander puts "did you mean" on a second), with where
      // to look next.
      outputError: (text, write) =>
        write(
          `${text.trim().replace(/\s*\n\s*/g, ' ')} (add --help for usage)\n`,
        ),
    })
    .addHelpText('after', EXIT_CODES);

  program
    .command('validate')
    .description(
      'Check scorecard files and print each problem with its <file>:<line>:<col> position',
    )
    .argument(
      '<paths...>',
      'scorecard files or directories (.yaml, .yml, .json)',
    )
    .addHelpText(
      'after',
      `
Examples
  $ readiness validate scorecards/
  $ readiness validate production-readiness.yaml team-checks.yaml
${EXIT_CODES}`,
    )
    .action((paths: string[]) => setExitCode(validateCommand(paths, ctx)));

  addCatalogOptions(
    program
      .command('evaluate')
      .description('Score the entities of catalog files against the scorecards')
      .allowExcessArguments(false),
  )
    .option(
      '--entity <ref>',
      'only this entity, e.g. component:default/my-service (kind component and namespace default when left out)',
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['json', 'table'])
        .default('json'),
    )
    .addHelpText(
      'after',
      `
Examples
  $ readiness evaluate --catalog examples --format table
  $ readiness evaluate --catalog catalog-info.yaml --repo . --scorecard scorecards/
${EXIT_CODES}`,
    )
    .action(options => setExitCode(evaluateCommand(options, ctx)));

  addCatalogOptions(
    program
      .command('gate')
      .description(
        'Fail unless an entity reaches a level; print the checks that keep it below',
      )
      .allowExcessArguments(false),
  )
    .requiredOption(
      '--entity <ref>',
      'the entity to gate, e.g. component:default/my-service (kind component and namespace default when left out)',
    )
    .requiredOption(
      '--min-level <level>',
      'the lowest level that passes, e.g. silver',
    )
    .option(
      '--scorecard-id <id>',
      'gate on this scorecard only (default: every scorecard that applies)',
    )
    .addHelpText(
      'after',
      `
Examples
  $ readiness gate --catalog catalog-info.yaml --repo . \\
      --entity component:default/my-service --min-level silver
  $ readiness gate --catalog catalog-info.yaml --entity my-service \\
      --min-level gold --exemptions exemptions.json --attestations attestations.json
${EXIT_CODES}`,
    )
    .action(options => setExitCode(gateCommand(options, ctx)));

  program
    .command('push')
    .description(
      'Push facts a pipeline observed about an entity to the Readiness backend (readiness.pushedFacts)',
    )
    .argument(
      '[facts...]',
      'name=value pairs; a value is JSON when it parses as JSON (87.5, true, ["a","b"]), else text',
    )
    .requiredOption(
      '--url <url>',
      "Backstage's base URL, e.g. https://backstage.example.com",
    )
    .requiredOption(
      '--entity <ref>',
      'the entity the facts are about, e.g. component:default/my-service (kind component and namespace default when left out)',
    )
    .requiredOption(
      '--source <source>',
      'what observed the facts, e.g. github-actions (letters, digits and ._:/@-)',
    )
    .option(
      '--observed-at <time>',
      'ISO 8601 time of the observation (default: now, by the backend clock)',
    )
    .option(
      '--token <token>',
      'a service token allowed readiness.facts.push (default: the READINESS_TOKEN environment variable, which keeps it out of process lists)',
    )
    .option(
      '--file <file>',
      'a JSON object of facts, e.g. { "testCoverage": 87.5 }, instead of name=value pairs',
    )
    .option('--timeout <seconds>', 'how long to wait for the backend', '30')
    .addHelpText(
      'after',
      `
Examples
  $ READINESS_TOKEN=… readiness push --url https://backstage.example.com \\
      --entity component:default/my-service --source github-actions \\
      testCoverage=87.5 evalPassRate=0.93
  $ readiness push --url https://backstage.example.com --entity my-service \\
      --source load-test --observed-at 2027-01-10T09:30:00Z --file facts.json
${EXIT_CODES}`,
    )
    .action(async (facts: string[], options) =>
      setExitCode(await pushCommand(facts, options, ctx)),
    );

  return program;
}
