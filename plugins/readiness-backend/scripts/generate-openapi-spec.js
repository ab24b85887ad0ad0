#!/usr/bin/env node
/*
 * Writes src/schema/openapi/spec.ts from src/schema/openapi.yaml.
 *
 * Backstage's own generator (`backstage-repo-tools package schema openapi
 * generate`) downloads a Java tool at run time, which cannot work offline; the
 * validated router only needs the document itself (see docs/adr).
 */
const fs = require('node:fs');
const path = require('node:path');
const yaml = require('yaml');
const prettier = require('prettier');

const root = path.resolve(__dirname, '..');
const source = path.join(root, 'src/schema/openapi.yaml');
const target = path.join(root, 'src/schema/openapi/spec.ts');

async function render() {
  const spec = yaml.parse(fs.readFileSync(source, 'utf8'));
  const code = `// Generated from ../openapi.yaml by \`yarn generate:openapi\`. Do not edit.
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = ${JSON.stringify(spec, null, 2)} as const;

export const createOpenApiRouter = () =>
  createValidatedOpenApiRouter<typeof spec>(spec);
`;
  const options = await prettier.resolveConfig(target);
  return prettier.format(code, { ...options, filepath: target });
}

module.exports = { render, target };

if (require.main === module) {
  render().then(code => fs.writeFileSync(target, code));
}
