import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { BUILT_IN_FACTS } from '@readiness/plugin-readiness-common';
import { scorecardDocument } from '../__testUtils__/definitionDocuments';
import { loadScorecards } from './loadScorecards';

const knownFacts = BUILT_IN_FACTS;

function load(readiness: object) {
  return loadScorecards(new ConfigReader({ readiness }), knownFacts);
}

describe('loadScorecards', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-scorecards-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loads the built-in scorecards by default', () => {
    const { scorecards, problems } = load({});
    expect(problems).toEqual([]);
    expect(scorecards.map(s => s.scorecard.id).sort()).toEqual([
      'api-quality',
      'production-readiness',
    ]);
  });

  it('adds files, directories and inline documents from config', () => {
    fs.writeFileSync(
      path.join(dir, 'security.json'),
      JSON.stringify(scorecardDocument('security')),
    );
    const sub = fs.mkdtempSync(path.join(dir, 'more-'));
    fs.writeFileSync(
      path.join(sub, 'a.json'),
      JSON.stringify(scorecardDocument('a')),
    );
    fs.writeFileSync(path.join(sub, 'notes.txt'), 'not a scorecard');

    const { scorecards, problems } = load({
      defaultScorecards: false,
      scorecards: [
        { file: path.join(dir, 'security.json') },
        { directory: sub },
        { inline: scorecardDocument('inline-one') },
      ],
    });

    expect(problems).toEqual([]);
    expect(
      scorecards.map(s => [s.scorecard.id, path.basename(s.source)]),
    ).toEqual([
      ['security', 'security.json'],
      ['a', 'a.json'],
      ['inline-one', 'app-config readiness.scorecards[2].inline'],
    ]);
  });

  it('names built-in scorecards by file, not by where they are installed', () => {
    const { scorecards } = load({});
    expect(scorecards.map(s => s.source).sort()).toEqual([
      'built-in/api-quality.yaml',
      'built-in/production-readiness.yaml',
    ]);
  });

  it('lets a configured scorecard replace a built-in one with its id', () => {
    const { scorecards } = load({
      scorecards: [{ inline: scorecardDocument('production-readiness') }],
    });
    const replaced = scorecards.find(
      s => s.scorecard.id === 'production-readiness',
    )!;
    expect(replaced.source).toBe('app-config readiness.scorecards[0].inline');
    expect(replaced.scorecard.checks).toHaveLength(1);
  });

  it('reports what is wrong and where, and keeps everything else', () => {
    const { scorecards, problems } = load({
      defaultScorecards: false,
      scorecards: [
        { inline: scorecardDocument('good') },
        { inline: scorecardDocument('bad', 'catalog.ownr') },
        { file: path.join(dir, 'missing.yaml') },
        { inline: scorecardDocument('good') },
      ],
    });

    expect(scorecards.map(s => s.scorecard.id)).toEqual(['good']);
    expect(problems).toEqual([
      expect.objectContaining({
        source: path.join(dir, 'missing.yaml'),
        message: `app-config readiness.scorecards[2]: cannot read "${path.join(
          dir,
          'missing.yaml',
        )}" (ENOENT)`,
      }),
      expect.objectContaining({
        source: 'app-config readiness.scorecards[1].inline',
        path: 'spec.checks[0].condition.fact',
        message: 'unknown fact "catalog.ownr" (did you mean "catalog.owner"?)',
      }),
      expect.objectContaining({
        source: 'app-config readiness.scorecards[3].inline',
        message:
          'scorecard "good" is already defined in app-config readiness.scorecards[0].inline',
      }),
    ]);
  });

  it('holds configured scorecards to readiness.limits.scorecards', () => {
    const file = path.join(dir, 'aliases.yaml');
    // One check whose condition is an `all` of six aliases to the same leaf.
    fs.writeFileSync(
      file,
      JSON.stringify(scorecardDocument('aliases'), null, 2).replace(
        /"condition": \{[^}]*\}/,
        `"condition": { "all": [&leaf { "fact": "catalog.owner", "exists": true }${', *leaf'.repeat(
          5,
        )}] }`,
      ),
    );
    const configured = (limits: object) =>
      load({
        defaultScorecards: false,
        scorecards: [{ file }],
        limits: { scorecards: limits },
      });
    expect(configured({}).problems).toEqual([]);
    expect(configured({ maxConditionNodesPerCheck: 4 }).problems).toEqual([
      expect.objectContaining({
        source: file,
        path: 'spec.checks[0].condition.all[3]',
        message:
          'the condition has more than 4 nodes, aliases expanded (limit maxConditionNodesPerCheck is 4)',
      }),
    ]);
    // The built-in scorecards are the plugin's own.
    expect(
      load({ limits: { scorecards: { maxBytes: 1000 } } }).problems,
    ).toEqual([]);
  });
});
