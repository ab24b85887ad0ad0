import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { CATALOG_FACTS } from '@readiness/plugin-readiness-common';
import { loadScorecards } from './loadScorecards';
import { ScorecardRegistry } from './ScorecardRegistry';

function scorecardYaml(title: string, fact = 'catalog.owner') {
  return `apiVersion: readiness/v1
kind: Scorecard
metadata: { name: team, title: ${title}, description: Team rules }
spec:
  appliesTo: { kind: component }
  levels: [{ id: bronze, title: Bronze }]
  categories: [{ id: basics, title: Basics }]
  checks:
    - id: owner
      title: Has an owner
      category: basics
      level: bronze
      weight: 1
      condition: { fact: ${fact}, exists: true }
      remediation: { text: Set spec.owner }
`;
}

describe('ScorecardRegistry', () => {
  let dir: string;
  let file: string;
  const logger = mockServices.logger.mock();
  const registry = () =>
    new ScorecardRegistry(
      () =>
        loadScorecards(
          new ConfigReader({
            readiness: { defaultScorecards: false, scorecards: [{ file }] },
          }),
          CATALOG_FACTS,
        ),
      logger,
    );

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-registry-'));
    file = path.join(dir, 'team.yaml');
    fs.writeFileSync(file, scorecardYaml('First'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('takes a changed definition on reload, and says so', () => {
    const scorecards = registry();
    const first = scorecards.find('team').version;

    expect(scorecards.reload()).toBe(false);
    fs.writeFileSync(file, scorecardYaml('Second'));
    expect(scorecards.reload()).toBe(true);

    expect(scorecards.find('team').scorecard.title).toBe('Second');
    expect(scorecards.find('team').version).not.toBe(first);
  });

  it('keeps the last good version of a file that became invalid, and reports it once', () => {
    const scorecards = registry();
    fs.writeFileSync(file, scorecardYaml('Broken', 'catalog.ownr'));

    expect(scorecards.reload()).toBe(false);
    expect(scorecards.reload()).toBe(false);

    expect(scorecards.find('team').scorecard.title).toBe('First');
    expect(scorecards.listProblems()).toEqual([
      expect.objectContaining({
        source: file,
        message: 'unknown fact "catalog.ownr" (did you mean "catalog.owner"?)',
      }),
    ]);
    const logged = logger.error.mock.calls.filter(([message]) =>
      String(message).includes('the last good version keeps running'),
    );
    expect(logged).toHaveLength(1);

    fs.rmSync(file);
    expect(scorecards.reload()).toBe(false);
    expect(scorecards.find('team').scorecard.title).toBe('First');
  });

  it('names the scorecards in force when one is not found', () => {
    expect(() => registry().find('nope')).toThrow(
      'No scorecard "nope"; the scorecards are team',
    );
  });
});
