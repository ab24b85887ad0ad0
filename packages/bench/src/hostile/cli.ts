/*
 * `yarn bench:hostile [--attack aliases,references,regex] [--sizes 2,4,8]`:
 * the three inputs that used to stop the backend (issue #13), each at growing
 * sizes, each size in a fresh process so that its heap is its own and a run
 * that hangs is stopped at the time limit. Time and memory must stay flat, or
 * grow linearly, as the hostile input grows.
 */
import { spawnSync } from 'node:child_process';
import { HostileFigures } from './HostileFigures';

const ATTACKS: Record<
  string,
  // require: the TypeScript loader wraps a dynamic import's exports in `default`.
  { describe: string; sizes: number[]; load: () => Attack }
> = {
  aliases: {
    describe: 'YAML alias levels, each referring ten times to the one below',
    sizes: [2, 4, 6, 8, 10, 12],
    load: () => require('./aliasBomb'),
  },
  references: {
    describe: 'checks, each an `all` of ten references to the one before',
    sizes: [2, 4, 8, 16, 32, 64],
    load: () => require('./referenceChain'),
  },
  regex: {
    describe: 'characters matched against .*.*.*.*.*.*.*.*.*.*x',
    sizes: [1_000, 10_000, 100_000, 1_000_000],
    load: () => require('./regex'),
  },
};

interface Attack {
  measure(size: number): Promise<HostileFigures>;
}

const TIME_LIMIT_MS = 60_000;

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
}

async function child(attack: string, size: number) {
  const figures = await ATTACKS[attack].load().measure(size);
  process.stdout.write(`RESULT ${JSON.stringify(figures)}\n`);
}

function parent() {
  const names = (option('attack') ?? Object.keys(ATTACKS).join(',')).split(',');
  const rows: string[][] = [];
  for (const name of names) {
    const attack = ATTACKS[name];
    if (!attack) {
      throw new Error(
        `Unknown attack "${name}"; known: ${Object.keys(ATTACKS).join(', ')}`,
      );
    }
    const sizes = option('sizes')?.split(',').map(Number) ?? attack.sizes;
    for (const size of sizes) {
      const run = spawnSync(
        process.execPath,
        [...process.execArgv, __filename, '--child', name, String(size)],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
          timeout: TIME_LIMIT_MS,
        },
      );
      const line = run.stdout?.split('\n').find(l => l.startsWith('RESULT '));
      if (!line) {
        rows.push([
          name,
          String(size),
          '',
          `failed or over ${TIME_LIMIT_MS / 1000} s`,
          '',
        ]);
        process.exitCode = 1;
        continue;
      }
      const figures: HostileFigures = JSON.parse(line.slice(7));
      rows.push([
        name,
        String(size),
        String(figures.bytes),
        figures.ms.toFixed(1),
        figures.heapMB.toFixed(1),
      ]);
      process.stderr.write(`${name} ${size}: ${figures.ms.toFixed(1)} ms\n`);
    }
    process.stdout.write(`${name}: size = ${attack.describe}\n`);
  }
  const header = ['attack', 'size', 'input bytes', 'ms', 'heap MB'];
  process.stdout.write(
    [header, header.map(() => '---'), ...rows]
      .map(cells => `| ${cells.join(' | ')} |`)
      .join('\n')
      .concat('\n'),
  );
}

const childIndex = process.argv.indexOf('--child');
if (childIndex > 0) {
  child(
    process.argv[childIndex + 1],
    Number(process.argv[childIndex + 2]),
  ).catch(error => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exitCode = 1;
  });
} else {
  parent();
}
