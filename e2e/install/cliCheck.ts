/*
 * The CLI as a CI pipeline gets it: `npx @readiness/cli` from the packed
 * tarball (through the local registry, with an empty npm cache), in a
 * folder outside this repository, validating scorecards and gating the
 * fresh app's example component.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execute } from './commands';

const NPX_TIMEOUT_MS = 5 * 60_000;

const BASICS_SCORECARD = `apiVersion: readiness/v1
kind: Scorecard
metadata:
  name: basics
  title: The basics
  description: Every component has an owner.
spec:
  appliesTo: { kind: component }
  levels:
    - { id: bronze, title: Bronze }
  categories:
    - { id: ownership, title: Ownership }
  checks:
    - id: owner-set
      title: Has an owner
      category: ownership
      level: bronze
      severity: high
      condition: { fact: catalog.owner, exists: true }
      remediation:
        text: Set spec.owner to the team that runs the service.
`;

/** A scorecard whose check names a level it does not define. */
const BROKEN_SCORECARD = BASICS_SCORECARD.replace(
  'level: bronze',
  'level: platinum',
);

export async function checkCli(options: {
  workDir: string;
  registryUrl: string;
  /** The packed version: npx must not take a copy installed elsewhere. */
  version: string;
  env: NodeJS.ProcessEnv;
  catalogFile: string;
  entityRef: string;
}) {
  const dir = path.join(options.workDir, 'cli');
  fs.mkdirSync(path.join(dir, 'scorecards'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'broken'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'scorecards', 'basics.yaml'),
    BASICS_SCORECARD,
  );
  fs.writeFileSync(path.join(dir, 'broken', 'basics.yaml'), BROKEN_SCORECARD);

  const readiness = async (args: string[]) => {
    const outcome = await execute(
      'npx',
      [
        '--yes',
        `--@readiness:registry=${options.registryUrl}`,
        '--cache',
        path.join(options.workDir, 'npm-cache'),
        `@readiness/cli@${options.version}`,
        ...args,
      ],
      { cwd: dir, env: options.env, timeoutMs: NPX_TIMEOUT_MS },
    );
    return { ...outcome, shown: `npx @readiness/cli ${args.join(' ')}` };
  };
  const expect = async (args: string[], status: number, pattern: RegExp) => {
    const outcome = await readiness(args);
    if (outcome.status !== status || !pattern.test(outcome.output)) {
      throw new Error(
        `"${outcome.shown}" exited ${outcome.status} (expected ${status}, output matching ${pattern}):\n${outcome.output}`,
      );
    }
  };

  await expect(['validate', 'scorecards'], 0, /1 scorecard in 1 file is valid/);
  await expect(['validate', 'broken'], 1, /basics\.yaml:\d+:\d+ .*platinum/);
  const gate = [
    'gate',
    '--catalog',
    options.catalogFile,
    '--entity',
    options.entityRef,
  ];
  // The built-in scorecards (shipped in the common package's tarball): the
  // bare example component reaches no level.
  await expect(
    [
      ...gate,
      '--min-level',
      'bronze',
      '--scorecard-id',
      'production-readiness',
    ],
    1,
    /production-readiness/,
  );
  await expect(
    [...gate, '--scorecard', 'scorecards', '--min-level', 'bronze'],
    0,
    /bronze|Bronze/,
  );
}
