import fs from 'node:fs';

// The spec is generated from openapi.yaml, the contract; this keeps them equal.
const { render, target } = require('../../../scripts/generate-openapi-spec');

describe('generated OpenAPI spec', () => {
  it('matches openapi.yaml (run `yarn generate:openapi` after editing it)', async () => {
    expect(fs.readFileSync(target, 'utf8')).toBe(await render());
  });
});
