/*
 * `yarn bench:profile [corpus catalog dir]`: recomputes profile.json from the
 * corpus of real catalog files (by default ../shared/corpus/catalog).
 */
import fs from 'node:fs';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { computeProfile } from './computeProfile';

const dir = path.resolve(process.argv[2] ?? '../shared/corpus/catalog');
if (!fs.existsSync(dir)) {
  process.stderr.write(`No corpus at ${dir}; pass its catalog directory.\n`);
  process.exit(2);
}
const profile = computeProfile(dir);
const out = resolvePackagePath('@readiness/bench', 'src/profile/profile.json');
fs.writeFileSync(out, `${JSON.stringify(profile, null, 2)}\n`);
process.stdout.write(
  `profile of ${profile.source.components} components from ${
    profile.source.repositories
  } repositories written to ${path.relative(process.cwd(), out)}\n`,
);
