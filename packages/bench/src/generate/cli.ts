/*
 * `yarn bench:generate --entities N [--out dir] [--seed S]`: writes a
 * synthetic organisation of about N entities as catalog YAML, 1,000 entities
 * per file, with an all.yaml Location that lists them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import profile from '../profile/profile.json';
import { generateOrganisation } from './generateOrganisation';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] ?? fallback : fallback;
}

const count = Number(option('entities', '10000'));
if (!Number.isInteger(count) || count < 10) {
  process.stderr.write('--entities takes a whole number of at least 10\n');
  process.exit(2);
}
const out = path.resolve(option('out', `bench-org-${count}`));
const entities = generateOrganisation(
  profile,
  count,
  Number(option('seed', '1')),
);
fs.mkdirSync(out, { recursive: true });
const files: string[] = [];
for (let i = 0; i < entities.length; i += 1000) {
  const file = `entities-${String(i / 1000).padStart(3, '0')}.yaml`;
  files.push(`./${file}`);
  fs.writeFileSync(
    path.join(out, file),
    entities
      .slice(i, i + 1000)
      .map(e =>
        stringify({ ...e, metadata: { ...e.metadata, etag: undefined } }),
      )
      .join('---\n'),
  );
}
fs.writeFileSync(
  path.join(out, 'all.yaml'),
  stringify({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Location',
    metadata: { name: `bench-org-${count}` },
    spec: { targets: files },
  }),
);
process.stdout.write(`${entities.length} entities written to ${out}\n`);
