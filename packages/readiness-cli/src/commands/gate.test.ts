import {
  CATALOG_YAML,
  runCli,
  SCORECARD_YAML,
  SKELETON_YAML,
  writeTempFiles,
} from '../testUtils';

function gate(...extra: string[]) {
  const dir = writeTempFiles({
    'scorecard.yaml': SCORECARD_YAML,
    'catalog-info.yaml': CATALOG_YAML,
    'repo/README.md': '# Rich service\n',
  });
  return runCli(
    [
      'gate',
      '--catalog',
      'catalog-info.yaml',
      '--scorecard',
      'scorecard.yaml',
      ...extra,
    ],
    dir,
  );
}

describe('readiness gate', () => {
  it('passes an entity at or above the level', async () => {
    await expect(
      gate(
        '--entity',
        'component:default/rich-service',
        '--min-level',
        'silver',
      ),
    ).resolves.toEqual({
      code: 0,
      stdout:
        'PASS component:default/rich-service in basic: is silver (score 80); silver is required\n',
      stderr: '',
    });
    await expect(
      gate('--entity', 'rich-service', '--min-level', 'Gold', '--repo', 'repo'),
    ).resolves.toMatchObject({ code: 0 });
  });

  it('fails below the level and explains every check up to it that is not passing', async () => {
    const { code, stdout } = await gate(
      '--entity',
      'bare-service',
      '--min-level',
      'bronze',
      '--scorecard-id',
      'basic',
    );
    expect(code).toBe(1);
    expect(stdout).toBe(
      [
        'FAIL component:default/bare-service in basic: has not reached any level (score 0); bronze is required. Not passing:',
        '  bronze  owner-resolved (unknown): The owner is in the catalog',
        '      why: fact catalog.ownerResolved is unavailable: owner group:default/team-nobody is not in the catalog files given (add the file that defines it)',
        '      fix: Set spec.owner to a group in the catalog.',
        '      docs: https://example.com/owner',
        '  bronze  described (fail): Has a description',
        '      why: catalog.description is not set',
        '      fix: Add metadata.description.',
        '',
      ].join('\n'),
    );
  });

  it('counts unknown checks as not passing, with the reason', async () => {
    const { code, stdout } = await gate(
      '--entity',
      'rich-service',
      '--min-level',
      'gold',
    );
    expect(code).toBe(1);
    expect(stdout).toContain(
      [
        '  gold  readme (unknown): Has a README',
        '      why: fact repository.readme is unavailable: no repository given (use --repo <dir>)',
        '      fix: Add a README.md.',
      ].join('\n'),
    );
  });

  it('rejects an unknown entity, listing the closest refs', async () => {
    const { code, stdout, stderr } = await gate(
      '--entity',
      'component:default/rich-servic',
      '--min-level',
      'silver',
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'error: unknown entity component:default/rich-servic; the catalog files hold: component:default/rich-service, component:default/bare-service, user:default/alice, group:default/team-a, system:default/payments; did you mean component:default/rich-service?\n',
    );
  });

  it('rejects an unknown level, listing the levels', async () => {
    await expect(
      gate('--entity', 'rich-service', '--min-level', 'platinum'),
    ).resolves.toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: unknown level platinum in scorecard basic; its levels are, from lowest: bronze, silver, gold\n',
    });
  });

  it('rejects unknown and inapplicable scorecards', async () => {
    await expect(
      gate(
        '--entity',
        'rich-service',
        '--min-level',
        'gold',
        '--scorecard-id',
        'nope',
      ),
    ).resolves.toMatchObject({
      code: 2,
      stderr:
        'error: unknown scorecard nope; the loaded scorecards are: basic\n',
    });
    await expect(
      gate('--entity', 'group:team-a', '--min-level', 'gold'),
    ).resolves.toMatchObject({
      code: 2,
      stderr:
        'error: no scorecard applies to group:default/team-a; the loaded scorecards are: basic\n',
    });
  });

  it('skips files in directories that are not YAML yet, unless --strict', async () => {
    const dir = writeTempFiles({
      'scorecard.yaml': SCORECARD_YAML,
      'catalog/all.yaml': CATALOG_YAML,
      'catalog/skeleton/catalog-info.yaml': SKELETON_YAML,
    });
    const gateArgs = [
      'gate',
      '--catalog',
      'catalog',
      '--scorecard',
      'scorecard.yaml',
      '--entity',
      'rich-service',
      '--min-level',
      'silver',
    ];

    const lenient = await runCli(gateArgs, dir);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toMatch(
      /^warning: catalog\/skeleton\/catalog-info\.yaml:5:\d+: invalid YAML: .+ \(skipped\)\nwarning: skipped 1 of 2 catalog files: not valid YAML \(--strict fails on them\)\n$/,
    );

    await expect(runCli([...gateArgs, '--strict'], dir)).resolves.toMatchObject(
      {
        code: 2,
        stdout: '',
        stderr: expect.stringMatching(
          /^catalog\/skeleton\/catalog-info\.yaml:5:\d+: invalid YAML: .+\nerror: 1 of 2 catalog files is not valid YAML \(--strict\)\n$/,
        ),
      },
    );
  });

  it('requires --entity and --min-level', async () => {
    await expect(gate('--min-level', 'gold')).resolves.toMatchObject({
      code: 2,
      stderr:
        "error: required option '--entity <ref>' not specified (add --help for usage)\n",
    });
  });
});
