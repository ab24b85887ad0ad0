import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { BUILT_IN_FACTS } from '@readiness/plugin-readiness-common';
import {
  campaignDocument,
  documentsText,
  scorecardDocument,
} from '../__testUtils__/definitionDocuments';
import { loadScorecards } from './loadScorecards';
import { ScorecardRegistry } from './ScorecardRegistry';

describe('ScorecardRegistry campaigns', () => {
  let dir: string;
  const at = (name: string) => path.join(dir, name);
  const write = (name: string, ...documents: object[]) =>
    fs.writeFileSync(at(name), documentsText(...documents));
  const registry = () =>
    new ScorecardRegistry(
      () =>
        loadScorecards(
          new ConfigReader({
            readiness: {
              defaultScorecards: false,
              scorecards: [{ directory: dir }],
            },
          }),
          BUILT_IN_FACTS,
        ),
      mockServices.logger.mock(),
    );

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-registry-'));
    write(
      '1-scorecards.yaml',
      scorecardDocument('team'),
      scorecardDocument('other'),
    );
    write(
      '2-campaigns.yaml',
      campaignDocument('b', 'team'),
      campaignDocument('a', 'team'),
    );
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists the campaigns in force, by id and by scorecard', () => {
    const scorecards = registry();

    expect(scorecards.campaigns().map(c => [c.campaign.id, c.source])).toEqual([
      ['a', `${dir}/2-campaigns.yaml`],
      ['b', `${dir}/2-campaigns.yaml`],
    ]);
    expect(scorecards.campaignsOf('team').map(c => c.id)).toEqual(['a', 'b']);
    expect(scorecards.campaignsOf('other')).toEqual([]);
    expect(scorecards.findCampaign('b').campaign.title).toBe('Campaign b');
    expect(() => scorecards.findCampaign('c')).toThrow(
      'No campaign "c"; the campaigns are a, b',
    );
  });

  it('gives a scorecard a new version when its campaigns change, and only that one', () => {
    const scorecards = registry();
    const team = scorecards.find('team').version;
    const other = scorecards.find('other').version;

    expect(scorecards.reload()).toBe(false);
    write(
      '2-campaigns.yaml',
      campaignDocument('b', 'team', { dueAt: '2027-04-30' }),
      campaignDocument('a', 'team'),
    );
    expect(scorecards.reload()).toBe(true);

    expect(scorecards.find('team').version).not.toBe(team);
    expect(scorecards.find('other').version).toBe(other);
    expect(scorecards.findCampaign('b').campaign.dueAt).toBe('2027-04-30');

    // Without campaigns, the version of the scorecard alone, as before
    // there were campaigns: results stored then are not written again.
    fs.rmSync(at('2-campaigns.yaml'));
    expect(scorecards.reload()).toBe(true);
    expect(scorecards.campaigns()).toEqual([]);
    const { scorecard, version } = scorecards.find('team');
    expect(version).toBe(
      createHash('sha256').update(JSON.stringify(scorecard)).digest('hex'),
    );
  });

  it('keeps the last good campaigns of a file that became invalid, and reports why', () => {
    const scorecards = registry();
    write(
      '2-campaigns.yaml',
      campaignDocument('b', 'team', { goal: { level: 'gold' } }),
    );

    expect(scorecards.reload()).toBe(false);

    expect(scorecards.campaigns().map(c => c.campaign.id)).toEqual(['a', 'b']);
    expect(scorecards.findCampaign('b').campaign.goal).toEqual({
      checks: ['owner'],
    });
    expect(scorecards.listProblems()).toEqual([
      expect.objectContaining({
        source: `${dir}/2-campaigns.yaml`,
        message: expect.stringMatching(
          /^unknown level "gold" of scorecard "team"/,
        ),
      }),
    ]);
  });

  it('drops a last good campaign whose scorecard is gone', () => {
    const scorecards = registry();
    write('1-scorecards.yaml', scorecardDocument('other'));

    expect(scorecards.reload()).toBe(true);

    expect(scorecards.campaigns()).toEqual([]);
    expect(scorecards.campaignsOf('team')).toEqual([]);
    expect(scorecards.listProblems().map(p => p.message)).toEqual([
      'unknown scorecard "team" (scorecards: other)',
      'unknown scorecard "team" (scorecards: other)',
    ]);
  });
});
