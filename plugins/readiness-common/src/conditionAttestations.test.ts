import { conditionAttestations } from './conditionAttestations';

describe('conditionAttestations', () => {
  it('finds the attestations at any depth, each once', () => {
    expect(
      conditionAttestations({
        any: [
          { fact: 'repo.file', key: 'docs/dr.md', exists: true },
          { attestation: 'dr-rehearsed', maxAge: '180d' },
          {
            all: [
              { not: { attestation: 'load-tested' } },
              { firstKnown: [{ attestation: 'dr-rehearsed' }] },
              { check: 'runbook' },
            ],
          },
        ],
      }),
    ).toEqual([
      { attestation: 'dr-rehearsed', maxAge: '180d' },
      { attestation: 'load-tested' },
    ]);
  });

  it('finds none in a condition over facts', () => {
    expect(conditionAttestations({ fact: 'catalog.owner' })).toEqual([]);
  });
});
