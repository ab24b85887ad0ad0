import { OWNER_CHECK, problemsOf, withChecks } from './__fixtures__/scorecards';

/** A valid waiver, lines 23–27, after the check. */
const WAIVER = `  waivers:
    - check: owner-set
      entities: { metadata.name: legacy-billing }
      reason: Being retired
      expires: 2027-03-31
`;

const VALID = withChecks(OWNER_CHECK, WAIVER);

/** The valid scorecard with one piece of text replaced. */
function changed(from: string, to: string): string {
  if (!VALID.includes(from)) {
    throw new Error(`The valid scorecard has no ${from}`);
  }
  return VALID.replace(from, to);
}

describe('scorecard validation', () => {
  it('accepts the valid scorecard these tests change', () => {
    expect(problemsOf(VALID)).toEqual([]);
  });

  it.each([
    [
      'a document that is not a mapping',
      '- a\n',
      [
        'x.yaml:1:1 a scorecard or campaign document must be a mapping with apiVersion, kind, metadata and spec, got a list',
      ],
    ],
    [
      'another apiVersion',
      changed('readiness/v1', 'readiness/v2'),
      ['x.yaml:1:13 apiVersion: must be "readiness/v1", got "readiness/v2"'],
    ],
    [
      'another kind, and nothing else about it',
      changed('kind: Scorecard', 'kind: Component').replace('demo', 'Demo!'),
      ['x.yaml:2:7 kind: must be "Scorecard" or "Campaign", got "Component"'],
    ],
    [
      'a missing required key',
      changed('  title: Demo\n', ''),
      ['x.yaml:4:3 metadata: missing required key "title"'],
    ],
    [
      'a misspelt key',
      changed('  description: A demo', '  descripton: A demo'),
      [
        'x.yaml:4:3 metadata: missing required key "description"',
        'x.yaml:6:3 metadata.descripton: unknown key "descripton" (did you mean "description"?)',
      ],
    ],
    [
      'an unknown key like no allowed one',
      changed('  title: Demo\n', '  title: Demo\n  labels: {}\n'),
      [
        'x.yaml:6:3 metadata.labels: unknown key "labels" (allowed: name, title, description, owner)',
      ],
    ],
    [
      'a key that is not a string',
      changed('  title: Demo\n', '  title: Demo\n  ? [a]\n  : b\n'),
      ['x.yaml:6:5 metadata: keys must be plain strings'],
    ],
    [
      'a value of the wrong type',
      changed('title: Demo', 'title: 3'),
      [
        'x.yaml:5:10 metadata.title: must be a non-empty string, got the number 3',
      ],
    ],
    [
      'an invalid scorecard name',
      changed('name: demo', 'name: Demo_Card'),
      [
        'x.yaml:4:9 metadata.name: "Demo_Card" is not valid: use lowercase letters, digits and single dashes, e.g. production-readiness',
      ],
    ],
    [
      'an owner that is not an entity ref',
      changed('  title: Demo\n', '  title: Demo\n  owner: platform-team\n'),
      [
        'x.yaml:6:10 metadata.owner: must be an entity ref such as group:default/platform-team: Entity reference "platform-team" had missing or empty kind (e.g. did not start with "component:" or similar)',
      ],
    ],
    [
      'an invalid appliesTo predicate',
      changed('appliesTo: { kind: component }', 'appliesTo: component'),
      [
        'x.yaml:8:14 spec.appliesTo: not a valid entity predicate such as { kind: component, spec.type: service }: Validation error: Expected object, received string',
      ],
    ],
    [
      'no levels',
      changed(
        '  levels:\n    - { id: bronze, title: Bronze }\n    - { id: silver, title: Silver }\n',
        '  levels: []\n',
      ),
      [
        'x.yaml:9:11 spec.levels: a scorecard needs at least one level',
        'x.yaml:17:14 spec.checks[0].level: unknown level "bronze"',
      ],
    ],
    [
      'no checks',
      withChecks(''),
      ['x.yaml:15:3 spec.checks: a scorecard needs at least one check'],
    ],
    [
      'a duplicate check id',
      withChecks(OWNER_CHECK + OWNER_CHECK.replace('Has an owner', 'Owned')),
      [
        'x.yaml:23:11 spec.checks[1].id: duplicate check id "owner-set", first defined at line 16',
      ],
    ],
    [
      'a duplicate level id',
      changed('id: silver', 'id: bronze'),
      [
        'x.yaml:11:13 spec.levels[1].id: duplicate level id "bronze", first defined at line 10',
      ],
    ],
    [
      'an invalid check id',
      changed('id: owner-set', 'id: Owner Set').replace(
        'check: owner-set',
        'check: Owner Set',
      ),
      [
        'x.yaml:16:11 spec.checks[0].id: "Owner Set" is not valid: use lowercase letters, digits and single dashes, e.g. owner-set',
      ],
    ],
    [
      'a misspelt category',
      changed('category: ownership', 'category: ownershp'),
      [
        'x.yaml:18:17 spec.checks[0].category: unknown category "ownershp" (did you mean "ownership"?)',
      ],
    ],
    [
      'an unknown level',
      changed('level: bronze', 'level: gold'),
      [
        'x.yaml:19:14 spec.checks[0].level: unknown level "gold" (levels: bronze, silver)',
      ],
    ],
    [
      'a category whose appliesTo is not a predicate',
      changed(
        '{ id: docs, title: Documentation }',
        '{ id: docs, title: Documentation, appliesTo: 3 }',
      ),
      [
        'x.yaml:14:52 spec.categories[1].appliesTo: not a valid entity predicate such as { kind: component, spec.type: service }: Validation error: Expected object, received number',
      ],
    ],
    [
      'a misspelt weight, so none',
      changed('weight: 1', 'weigth: 1'),
      [
        'x.yaml:16:7 spec.checks[0]: a check needs a "weight" (up to 100) or a "severity" (critical, high, medium or low)',
        'x.yaml:20:7 spec.checks[0].weigth: unknown key "weigth" (did you mean "weight"?)',
      ],
    ],
    [
      'a zero weight',
      changed('weight: 1', 'weight: 0'),
      [
        'x.yaml:20:15 spec.checks[0].weight: must be a positive number no greater than 100, got 0',
      ],
    ],
    [
      'a weight above 100',
      changed('weight: 1', 'weight: 101'),
      [
        'x.yaml:20:15 spec.checks[0].weight: must be a positive number no greater than 100, got 101',
      ],
    ],
    [
      'an infinite weight',
      changed('weight: 1', 'weight: .inf'),
      [
        'x.yaml:20:15 spec.checks[0].weight: must be a positive number no greater than 100, got Infinity',
      ],
    ],
    [
      'a quoted weight',
      changed('weight: 1', "weight: '3'"),
      [
        'x.yaml:20:15 spec.checks[0].weight: must be a number, got the string "3"',
      ],
    ],
    [
      'both weight and severity',
      changed('weight: 1', 'weight: 1\n      severity: low'),
      [
        'x.yaml:21:17 spec.checks[0].severity: give either "weight" or "severity", not both',
      ],
    ],
    [
      'a misspelt severity',
      changed('weight: 1', 'severity: hihg'),
      [
        'x.yaml:20:17 spec.checks[0].severity: unknown severity "hihg" (did you mean "high"?)',
      ],
    ],
    [
      'an unknown severity',
      changed('weight: 1', 'severity: major'),
      [
        'x.yaml:20:17 spec.checks[0].severity: unknown severity "major" (use: critical, high, medium, low)',
      ],
    ],
    [
      'no remediation',
      changed('      remediation: { text: Set spec.owner. }\n', ''),
      ['x.yaml:16:7 spec.checks[0]: missing required key "remediation"'],
    ],
    [
      'an empty remediation text',
      changed('{ text: Set spec.owner. }', "{ text: ' ' }"),
      [
        'x.yaml:22:28 spec.checks[0].remediation.text: must be a non-empty string, got an empty string',
      ],
    ],
    [
      'a docsUrl that is not http(s)',
      changed(
        '{ text: Set spec.owner. }',
        "{ text: x, docsUrl: 'ftp://example.com' }",
      ),
      [
        'x.yaml:22:40 spec.checks[0].remediation.docsUrl: must be an http(s) URL, got "ftp://example.com"',
      ],
    ],
    [
      'a template that is not an entity ref',
      changed('{ text: Set spec.owner. }', '{ text: x, template: add-owner }'),
      [
        'x.yaml:22:41 spec.checks[0].remediation.template: must be an entity ref such as template:default/add-owner: Entity reference "add-owner" had missing or empty kind (e.g. did not start with "component:" or similar)',
      ],
    ],
    [
      'a template ref to another kind',
      changed(
        '{ text: Set spec.owner. }',
        '{ text: x, template: group:default/owners }',
      ),
      [
        'x.yaml:22:41 spec.checks[0].remediation.template: must be the entity ref of a Scaffolder template (kind template), got kind "group"',
      ],
    ],
    [
      'a waiver of a misspelt check',
      changed('check: owner-set', 'check: owner-st'),
      [
        'x.yaml:24:14 spec.waivers[0].check: unknown check "owner-st" (did you mean "owner-set"?)',
      ],
    ],
    [
      'a waiver without entities',
      changed('      entities: { metadata.name: legacy-billing }\n', ''),
      ['x.yaml:24:7 spec.waivers[0]: missing required key "entities"'],
    ],
    [
      'a waiver whose entities are not a predicate',
      changed('{ metadata.name: legacy-billing }', '[legacy-billing]'),
      [
        'x.yaml:25:17 spec.waivers[0].entities: not a valid entity predicate such as { kind: component, spec.type: service }: Validation error: Expected object, received array',
      ],
    ],
    [
      'a waiver without a reason',
      changed('reason: Being retired', 'reason:'),
      [
        'x.yaml:26:7 spec.waivers[0].reason: must be a non-empty string, got nothing',
      ],
    ],
    [
      'a waiver expiring on a day that does not exist',
      changed('2027-03-31', '2027-02-30'),
      [
        'x.yaml:27:16 spec.waivers[0].expires: "2027-02-30" is not an ISO 8601 date; use e.g. 2027-03-31 or 2027-03-31T18:00:00Z',
      ],
    ],
    [
      'a waiver expiring at a time without an offset',
      changed('2027-03-31', '2027-03-31T18:00'),
      [
        'x.yaml:27:16 spec.waivers[0].expires: "2027-03-31T18:00" is not an ISO 8601 date; use e.g. 2027-03-31 or 2027-03-31T18:00:00Z',
      ],
    ],
    [
      'waivers that are not a list',
      withChecks(OWNER_CHECK, '  waivers: { check: owner-set }\n'),
      ['x.yaml:23:12 spec.waivers: must be a list, got a mapping'],
    ],
  ])('reports %s', (_, text, expected) => {
    expect(problemsOf(text)).toEqual(expected);
  });

  it('accepts a waiver expiring at a time with an offset, or never', () => {
    expect(
      problemsOf(changed('2027-03-31', '2027-03-31T18:00:00.5+02:00')),
    ).toEqual([]);
    expect(problemsOf(changed('      expires: 2027-03-31\n', ''))).toEqual([]);
  });
});
