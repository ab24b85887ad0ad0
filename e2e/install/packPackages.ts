/*
 * Builds and packs every publishable package the way `yarn npm publish`
 * would (prepack/postpack included), then checks each tarball holds what
 * runs (dist, migrations, scorecards, config schema), resolves every export
 * inside itself and names no `workspace:` range.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { run } from './commands';

export type PackedPackage = {
  name: string;
  tarball: string;
  bytes: number;
  manifest: Record<string, any>;
};

/** What a package's tarball must hold besides dist/, by package name. */
const REQUIRED_FILES: Record<string, RegExp[]> = {
  '@readiness/plugin-readiness-backend': [
    /^migrations\/\d+_\w+\.js$/,
    /^config\.schema\.json$/,
  ],
  '@readiness/plugin-readiness-common': [/^scorecards\/[\w-]+\.yaml$/],
  '@readiness/plugin-readiness-backend-module-github': [
    /^config\.schema\.json$/,
  ],
  '@readiness/plugin-readiness-backend-module-http': [/^config\.schema\.json$/],
  '@readiness/plugin-readiness-backend-module-pagerduty': [
    /^config\.schema\.json$/,
  ],
  '@readiness/plugin-readiness-backend-module-prometheus': [
    /^config\.schema\.json$/,
  ],
  '@readiness/cli': [/^bin\/readiness$/],
};

/** File paths an `exports` map points at, however deeply nested. */
function exportTargets(value: unknown): string[] {
  if (typeof value === 'string') {
    // `./dist/x.js` in exports, `dist/x.js` in main; `@backstage/…` feature
    // markers inside exports conditions are not files.
    return value.startsWith('@') ? [] : [value.replace(/^\.\//, '')];
  }
  if (value && typeof value === 'object') {
    return Object.values(value).flatMap(exportTargets);
  }
  return [];
}

function checkTarball(pkg: PackedPackage, files: string[]) {
  const problems: string[] = [];
  const has = (file: string) => files.includes(file);
  if (!files.some(f => f.startsWith('dist/'))) {
    problems.push('no dist/');
  }
  for (const pattern of REQUIRED_FILES[pkg.name] ?? []) {
    if (!files.some(f => pattern.test(f))) {
      problems.push(`nothing matches ${pattern}`);
    }
  }
  for (const file of files.filter(f => /(^|\/)(src\/|.*\.test\.)/.test(f))) {
    problems.push(`holds a source or test file: ${file}`);
  }
  const { manifest } = pkg;
  for (const target of [
    ...exportTargets(manifest.exports),
    ...['main', 'types', 'module'].flatMap(k => exportTargets(manifest[k])),
  ]) {
    if (!has(target)) {
      problems.push(`an entry point is missing: ${target}`);
    }
  }
  for (const field of [
    'dependencies',
    'peerDependencies',
    'optionalDependencies',
  ]) {
    for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
      if (String(range).startsWith('workspace:')) {
        problems.push(`${field}.${dep} is ${range}`);
      }
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `${path.basename(pkg.tarball)} is not publishable:\n  ${problems.join(
        '\n  ',
      )}`,
    );
  }
}

/**
 * `yarn test:all` builds every package in an earlier step and says so with
 * this variable, so that the build is not done twice.
 */
export const PACKAGES_BUILT_ENV = 'READINESS_PACKAGES_BUILT';

export async function packPackages(repoRoot: string, outDir: string) {
  // Every workspace that is not private: the published packages.
  const forEachPublished = (args: string[]) =>
    run('yarn', ['workspaces', 'foreach', '-A', '--no-private', ...args], {
      cwd: repoRoot,
    });
  if (process.env[PACKAGES_BUILT_ENV] !== '1') {
    // Declarations first: the package builds read them from dist-types.
    await run('yarn', ['tsc'], { cwd: repoRoot });
    await forEachPublished(['--topological', 'run', 'build']);
  }
  fs.mkdirSync(outDir, { recursive: true });
  try {
    await forEachPublished(['pack', '--out', path.join(outDir, '%s-%v.tgz')]);
  } catch (error) {
    // A pack that failed or timed out may have left a package.json as
    // prepack rewrote it (pointing at dist): postpack restores it.
    await forEachPublished(['run', 'postpack']).catch(() => undefined);
    throw error;
  }
  return fs
    .readdirSync(outDir)
    .filter(f => f.endsWith('.tgz'))
    .map(file => {
      const tarball = path.join(outDir, file);
      const list = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean)
        .map(f => f.replace(/^package\//, ''));
      const manifest = JSON.parse(
        execFileSync('tar', ['xzfO', tarball, 'package/package.json'], {
          encoding: 'utf8',
        }),
      );
      const pkg: PackedPackage = {
        name: manifest.name,
        tarball,
        bytes: fs.statSync(tarball).size,
        manifest,
      };
      checkTarball(pkg, list);
      return pkg;
    });
}
