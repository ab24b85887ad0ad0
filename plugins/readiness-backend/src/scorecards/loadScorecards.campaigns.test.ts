import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { BUILT_IN_FACTS } from '@readiness/plugin-readiness-common';
import {
  campaignDocument,
  documentsText,
  scorecardDocument,
} from '../__testUtils__/definitionDocuments';
import { loadScorecards } from './loadScorecards';

describe('loadScorecards with campaigns', () => {
  let dir: string;
  const file = (name: string, ...documents: object[]) => {
    const at = path.join(dir, name);
    fs.writeFileSync(at, documentsText(...documents));
    return { file: at };
  };
  const load = (...scorecards: object[]) =>
    loadScorecards(
      new ConfigReader({
        readiness: { defaultScorecards: false, scorecards },
      }),
      BUILT_IN_FACTS,
    );
  const ids = (loaded: ReturnType<typeof load>) => ({
    scorecards: loaded.scorecards.map(s => s.scorecard.id),
    campaigns: loaded.campaigns.map(c => c.campaign.id),
  });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-campaigns-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loads campaigns next to scorecards and from other files and entries', () => {
    const loaded = load(
      file(
        'team.yaml',
        scorecardDocument('team'),
        campaignDocument('a', 'team'),
      ),
      file('more.yaml', campaignDocument('b', 'team')),
      { inline: campaignDocument('c', 'team') },
    );

    expect(loaded.problems).toEqual([]);
    expect(ids(loaded)).toEqual({
      scorecards: ['team'],
      campaigns: ['a', 'b', 'c'],
    });
    expect(loaded.campaigns.map(c => c.source)).toEqual([
      path.join(dir, 'team.yaml'),
      path.join(dir, 'more.yaml'),
      'app-config readiness.scorecards[2].inline',
    ]);
    expect(loaded.campaigns[0].campaign).toMatchObject({
      id: 'a',
      scorecard: 'team',
      goal: { checks: ['owner'] },
      dueAt: '2027-03-31',
    });
  });

  it('leaves out a file with a campaign whose references do not resolve, with all it defines', () => {
    const loaded = load(
      file(
        'team.yaml',
        scorecardDocument('team'),
        campaignDocument('typo', 'team', { goal: { checks: ['ownr'] } }),
      ),
      file('other.yaml', scorecardDocument('other')),
      file('lost.yaml', campaignDocument('lost', 'tem')),
    );

    expect(ids(loaded)).toEqual({ scorecards: ['other'], campaigns: [] });
    expect(loaded.problems).toEqual([
      expect.objectContaining({
        source: path.join(dir, 'team.yaml'),
        message:
          'unknown check "ownr" of scorecard "team" (did you mean "owner"?)',
      }),
      expect.objectContaining({
        source: path.join(dir, 'lost.yaml'),
        message: expect.stringMatching(/^unknown scorecard "tem"/),
      }),
    ]);
  });

  it('leaves out the campaigns of a scorecard whose file was left out, in turn', () => {
    const loaded = load(
      file('team.yaml', scorecardDocument('team', 'catalog.ownr')),
      file('campaigns.yaml', campaignDocument('a', 'team')),
      file('depends.yaml', scorecardDocument('x'), campaignDocument('b', 'x')),
    );

    expect(ids(loaded)).toEqual({ scorecards: ['x'], campaigns: ['b'] });
    expect(
      loaded.problems.map(p => [path.basename(p.source), p.message]),
    ).toEqual([
      [
        'team.yaml',
        'unknown fact "catalog.ownr" (did you mean "catalog.owner"?)',
      ],
      ['campaigns.yaml', 'unknown scorecard "team" (scorecards: x)'],
    ]);
  });

  it('reports a campaign id defined in two files, and keeps the first', () => {
    const loaded = load(
      file(
        'team.yaml',
        scorecardDocument('team'),
        campaignDocument('a', 'team'),
      ),
      file(
        'again.yaml',
        scorecardDocument('more'),
        campaignDocument('a', 'team'),
      ),
    );

    expect(ids(loaded)).toEqual({ scorecards: ['team'], campaigns: ['a'] });
    expect(loaded.campaigns[0].source).toBe(path.join(dir, 'team.yaml'));
    expect(loaded.problems).toEqual([
      expect.objectContaining({
        source: path.join(dir, 'again.yaml'),
        line: 1,
        message: `campaign "a" is already defined in ${path.join(
          dir,
          'team.yaml',
        )}`,
      }),
    ]);
  });
});
