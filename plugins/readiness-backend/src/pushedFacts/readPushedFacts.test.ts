import { ConfigReader } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import { BUILT_IN_FACTS } from '@readiness/plugin-readiness-common';
import { scorecardDocument } from '../__testUtils__/definitionDocuments';
import { loadScorecards } from '../scorecards/loadScorecards';
import { readPushedFacts } from './readPushedFacts';

const read = (pushedFacts: JsonValue) =>
  readPushedFacts(new ConfigReader({ readiness: { pushedFacts } }));

describe('readPushedFacts', () => {
  it('declares each fact as pushed.<name>, with a description by default', () => {
    expect(readPushedFacts(new ConfigReader({}))).toEqual([]);
    expect(
      read([
        { name: 'testCoverage', type: 'number', description: 'Line coverage' },
        { name: 'suites', type: 'string-list' },
      ]),
    ).toEqual([
      {
        name: 'pushed.testCoverage',
        type: 'number',
        description: 'Line coverage',
      },
      {
        name: 'pushed.suites',
        type: 'string-list',
        description: 'Pushed by pipelines (readiness.pushedFacts)',
      },
    ]);
  });

  it.each<[string, JsonValue, string]>([
    [
      'a type that is no fact type',
      [
        { name: 'a', type: 'number' },
        { name: 'b', type: 'string' },
        { name: 'c', type: 'integer' },
      ],
      'readiness.pushedFacts[2].type must be one of string, number, boolean, string-list, string-map, not "integer"',
    ],
    [
      'a name that is not lower camel case',
      [{ name: 'Test-Coverage', type: 'number' }],
      'readiness.pushedFacts[0].name must be a lower-camel-case name of letters and digits, up to 64 characters (e.g. testCoverage), not "Test-Coverage"',
    ],
    [
      'a name that already has the prefix',
      [{ name: 'pushed.testCoverage', type: 'number' }],
      'readiness.pushedFacts[0].name must be a lower-camel-case name',
    ],
    [
      'a name declared twice',
      [
        { name: 'testCoverage', type: 'number' },
        { name: 'testCoverage', type: 'string' },
      ],
      'readiness.pushedFacts[1].name "testCoverage" is declared twice (readiness.pushedFacts[0] declares it too)',
    ],
    [
      'a key of its own',
      [{ name: 'testCoverage', type: 'number', unit: '%' }],
      'readiness.pushedFacts[0].unit is not a setting of a pushed fact',
    ],
    [
      'a mapping instead of a list',
      { testCoverage: 'number' },
      'readiness.pushedFacts must be a list of { name, type, description }',
    ],
  ])('stops at %s, naming the entry', (_case, pushedFacts, message) => {
    expect(() => read(pushedFacts)).toThrow(message);
  });

  it('lets scorecards use declared pushed facts, and no others', () => {
    const readiness: object = {
      defaultScorecards: false,
      pushedFacts: [{ name: 'testCoverage', type: 'number' }],
      scorecards: [
        { inline: scorecardDocument('covered', 'pushed.testCoverage') },
        { inline: scorecardDocument('loaded', 'pushed.loadTestP99Ms') },
      ],
    };
    const config = new ConfigReader({ readiness });
    const { scorecards, problems } = loadScorecards(config, [
      ...BUILT_IN_FACTS,
      ...readPushedFacts(config),
    ]);
    expect(scorecards.map(s => s.scorecard.id)).toEqual(['covered']);
    expect(problems).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('unknown fact "pushed.loadTestP99Ms"'),
      }),
    ]);
  });
});
