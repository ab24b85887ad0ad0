import fs from 'node:fs';
import path from 'node:path';
import {
  CATALOG_YAML,
  runCli,
  SCORECARD_YAML,
  writeTempFiles,
} from '../testUtils';

/** The basic scorecard, its gold check accepting an attestation instead. */
const ATTESTED_SCORECARD_YAML = SCORECARD_YAML.replace(
  `      condition:
        fact: repository.readme
        equals: true`,
  `      condition:
        attestation: readme-reviewed
        maxAge: 30d`,
);

/** An exemption as `GET /api/readiness/exemptions` returns it. */
function exemption(more: Record<string, unknown> = {}) {
  return {
    id: 'ex-1',
    entityRef: 'component:default/rich-service',
    scorecard: 'basic',
    status: 'active',
    checks: ['readme'],
    reason: 'The README moves to TechDocs in December.',
    expiresAt: '2026-12-31',
    requestedBy: 'user:default/ada',
    requestedAt: '2026-11-01T09:00:00.000Z',
    decidedBy: 'user:default/bo',
    decidedAt: '2026-11-02T09:00:00.000Z',
    events: [],
    actions: [],
    ...more,
  };
}

function attestation(more: Record<string, unknown> = {}) {
  return {
    id: 'att-1',
    entityRef: 'component:default/rich-service',
    scorecard: 'basic',
    status: 'active',
    attestation: 'readme-reviewed',
    statement: 'Reviewed by the team on 20 November.',
    requestedBy: 'user:default/ada',
    requestedAt: '2026-11-20T09:00:00.000Z',
    events: [],
    actions: [],
    ...more,
  };
}

function setUp(files: Record<string, string> = {}, scorecard = SCORECARD_YAML) {
  return writeTempFiles({
    'scorecard.yaml': scorecard,
    'catalog-info.yaml': CATALOG_YAML,
    ...files,
  });
}

const gold = [
  'gate',
  '--catalog',
  'catalog-info.yaml',
  '--scorecard',
  'scorecard.yaml',
  '--entity',
  'rich-service',
  '--min-level',
  'gold',
];
const evaluate = [
  'evaluate',
  '--catalog',
  'catalog-info.yaml',
  '--scorecard',
  'scorecard.yaml',
  '--entity',
  'rich-service',
];

const readmeOf = (stdout: string) =>
  JSON.parse(stdout).results[0].checks.find(
    (check: { id: string }) => check.id === 'readme',
  );

describe('--exemptions', () => {
  it('waives the checks an active exemption names, as the Readiness tab does', async () => {
    const dir = setUp({
      'exemptions.json': JSON.stringify({ items: [exemption()] }),
    });
    expect((await runCli(gold, dir)).code).toBe(1);
    await expect(
      runCli([...gold, '--exemptions', 'exemptions.json'], dir),
    ).resolves.toEqual({
      code: 0,
      stdout:
        'PASS component:default/rich-service in basic: is gold (score 100, 1 check waived); gold is required\n',
      stderr: '',
    });
    const { stdout } = await runCli(
      [...evaluate, '--exemptions', 'exemptions.json'],
      dir,
    );
    expect(readmeOf(stdout)).toEqual({
      id: 'readme',
      status: 'waived',
      reason:
        'exempted until 2026-12-31 (requested by user:default/ada, approved by user:default/bo): The README moves to TechDocs in December.',
    });
  });

  it('applies only active ones, to the entity (any case) and scorecard they name', async () => {
    const dir = setUp({
      'exemptions.json': JSON.stringify([
        exemption({ status: 'pending', decidedBy: undefined }),
        exemption({ status: 'revoked' }),
        exemption({ entityRef: 'component:default/bare-service' }),
        exemption({ scorecard: 'other' }),
      ]),
      'upper.json': JSON.stringify([
        exemption({ entityRef: 'Component:default/Rich-Service' }),
      ]),
    });
    expect(
      (await runCli([...gold, '--exemptions', 'exemptions.json'], dir)).code,
    ).toBe(1);
    expect(
      (await runCli([...gold, '--exemptions', 'upper.json'], dir)).code,
    ).toBe(0);
  });

  it('says when an exemption has expired, whether marked expired or not yet', async () => {
    const expired =
      'fact repository.readme is unavailable: no repository given (use --repo <dir>); exemption ex-1 expired on 2026-11-24: The README moves to TechDocs in December.';
    const dir = setUp({
      'active.json': JSON.stringify([exemption({ expiresAt: '2026-11-24' })]),
      'expired.json': JSON.stringify([
        exemption({ status: 'expired', expiresAt: '2026-11-24' }),
      ]),
      // Marked expired by the backend: it never waives again here.
      'early.json': JSON.stringify([exemption({ status: 'expired' })]),
    });
    for (const file of ['active.json', 'expired.json']) {
      const { stdout } = await runCli([...evaluate, '--exemptions', file], dir);
      expect(readmeOf(stdout)).toEqual({
        id: 'readme',
        status: 'unknown',
        reason: expired,
      });
    }
    const { stdout } = await runCli(
      [...evaluate, '--exemptions', 'early.json'],
      dir,
    );
    expect(readmeOf(stdout).status).toBe('unknown');
  });
});

describe('--attestations', () => {
  it('passes an attestation condition on a recent active attestation', async () => {
    const dir = setUp(
      {
        'attestations.json': JSON.stringify([attestation()]),
        'old.json': JSON.stringify({
          items: [attestation({ requestedAt: '2026-10-01T09:00:00Z' })],
        }),
      },
      ATTESTED_SCORECARD_YAML,
    );
    const withoutOne = await runCli(evaluate, dir);
    expect(readmeOf(withoutOne.stdout)).toEqual({
      id: 'readme',
      status: 'unknown',
      reason:
        'no attestation "readme-reviewed" yet: the owners can attest it on the Readiness tab',
    });
    expect(
      (await runCli([...gold, '--attestations', 'attestations.json'], dir))
        .code,
    ).toBe(0);
    const old = await runCli([...evaluate, '--attestations', 'old.json'], dir);
    expect(readmeOf(old.stdout)).toEqual({
      id: 'readme',
      status: 'unknown',
      reason: 'attestation "readme-reviewed" of 2026-10-01 is older than 30d',
    });
  });
});

describe('broken owner input files', () => {
  it.each([
    [
      'not JSON',
      '{ items: ',
      expect.stringMatching(/^exemptions\.json: invalid JSON: /),
    ],
    [
      'neither a list nor a list of items',
      '{"exemptions": []}',
      'exemptions.json: must be a list, or an object with a list "items" as GET /api/readiness/exemptions returns',
    ],
    [
      'an item that is not an object',
      '{"items": [3]}',
      'exemptions.json: items[0]: must be an object, got the number 3',
    ],
    [
      'an end date that is not a date',
      JSON.stringify([exemption(), exemption({ expiresAt: '2026-02-30' })]),
      'exemptions.json: [1].expiresAt: must be a date (YYYY-MM-DD), got the string "2026-02-30"',
    ],
    [
      'an unknown status',
      JSON.stringify({ items: [exemption({ status: 'approved' })] }),
      'exemptions.json: items[0].status: must be one of pending, active, rejected, revoked, expired, got the string "approved"',
    ],
    [
      'an entity ref without a kind',
      JSON.stringify([exemption({ entityRef: 'rich-service' })]),
      expect.stringMatching(
        /^exemptions\.json: \[0\]\.entityRef: must be an entity ref such as component:default\/my-service: /,
      ),
    ],
    [
      'a check that is not a string',
      JSON.stringify([exemption({ checks: ['readme', 7] })]),
      'exemptions.json: [0].checks[1]: must be a non-empty string, got the number 7',
    ],
    [
      'an active exemption without its approver',
      JSON.stringify([exemption({ decidedBy: undefined })]),
      'exemptions.json: [0].decidedBy: must be a non-empty string, got nothing',
    ],
  ])('names the file, item and field of %s', async (_, text, message) => {
    const dir = setUp({ 'exemptions.json': text });
    const { code, stdout, stderr } = await runCli(
      [...evaluate, '--exemptions', 'exemptions.json'],
      dir,
    );
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr.replace(/^error: /, '').trimEnd()).toEqual(message);
  });

  it('names an attestation time that is not a time', async () => {
    const dir = setUp({
      'attestations.json': JSON.stringify([
        attestation({ requestedAt: 'yesterday' }),
      ]),
    });
    const { code, stderr } = await runCli(
      [...gold, '--attestations', 'attestations.json'],
      dir,
    );
    expect(code).toBe(2);
    expect(stderr).toBe(
      'error: attestations.json: [0].requestedAt: must be an ISO 8601 time such as 2026-11-25T10:00:00Z, got the string "yesterday"\n',
    );
  });

  it('refuses a missing file, a directory and a file over the size limit', async () => {
    const dir = setUp({ 'exports/a.json': '[]' });
    const stderrOf = async (file: string) =>
      (await runCli([...evaluate, '--exemptions', file], dir)).stderr;
    expect(await stderrOf('nope.json')).toBe(
      'error: cannot read nope.json: no such file or directory\n',
    );
    expect(await stderrOf('exports')).toBe(
      'error: cannot read exports: is a directory (--exemptions takes a file)\n',
    );
    // Sparse: as large as it says, without taking the space.
    fs.truncateSync(path.join(dir, 'exports/a.json'), 32 * 1024 * 1024 + 1);
    expect(await stderrOf('exports/a.json')).toBe(
      'error: exports/a.json: is 33554433 bytes; --exemptions reads at most 33554432\n',
    );
  });
});
