import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  catalogFacts,
  evaluateScorecard,
  ScorecardDefinition,
} from '@readiness/plugin-readiness-common';
import { RelationEvidenceRedactor } from './RelationEvidenceRedactor';

const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { type: 'service', owner: 'team-secret', system: 'payments' },
};
const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-secret', namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: [
    { type: 'hasMember', targetRef: 'user:default/ada' },
    { type: 'hasMember', targetRef: 'user:default/bob' },
    { type: 'hasMember', targetRef: 'user:default/cy' },
  ],
};
const system: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { owner: 'team-secret', domain: 'commerce' },
};

const scorecard: ScorecardDefinition = {
  id: 'basics',
  title: 'Basics',
  description: '',
  appliesTo: { kind: 'component' },
  levels: [{ id: 'bronze', title: 'Bronze' }],
  categories: [{ id: 'c', title: 'C' }],
  checks: [
    {
      id: 'team-size',
      title: 'A team of five',
      category: 'c',
      level: 'bronze',
      weight: 1,
      condition: { fact: 'catalog.ownerMembers', gte: 5 },
      remediation: { text: '' },
    },
    {
      id: 'domain',
      title: 'In a domain',
      category: 'c',
      level: 'bronze',
      weight: 1,
      condition: { fact: 'catalog.domain', in: ['commerce'] },
      remediation: { text: '' },
    },
    {
      id: 'type',
      title: 'Has a type',
      category: 'c',
      level: 'bronze',
      weight: 1,
      condition: { fact: 'catalog.type', exists: true },
      remediation: { text: '' },
    },
  ],
};

const now = new Date('2026-11-25T10:00:00Z');

function readiness() {
  const facts = catalogFacts(checkout, now, { owner: team, system });
  return {
    entityRef: stringifyEntityRef(checkout),
    scorecards: [evaluateScorecard(scorecard, checkout, facts, now)],
  };
}

/** A catalog in which the caller may read these entities only. */
function catalogShowing(visible: Entity[]) {
  const catalog = catalogServiceMock({ entities: visible });
  jest.spyOn(catalog, 'getEntitiesByRefs');
  return catalog;
}

describe('RelationEvidenceRedactor', () => {
  const credentials = mockCredentials.user('user:default/mallory');

  it('leaves out what a result says of an owner the caller may not read, keeping every status', async () => {
    const catalog = catalogShowing([checkout, system]);
    const original = readiness();
    const [result] = (
      await new RelationEvidenceRedactor(catalog).redact(
        checkout,
        original,
        credentials,
      )
    ).scorecards;

    const check = (id: string) => result.checks.find(c => c.id === id)!;
    expect(result.checks.map(c => c.status)).toEqual(
      original.scorecards[0].checks.map(c => c.status),
    );
    expect(result.score).toBe(original.scorecards[0].score);
    expect(check('team-size').status).toBe('fail');
    expect(check('team-size').evidence).toEqual([]);
    expect(JSON.stringify(check('team-size'))).not.toContain('3');
    expect(check('team-size').reason).toBe(
      'catalog.ownerMembers not shown: group:default/team-secret is not in the catalog or you may not see it',
    );
    // The system is readable: its domain shows.
    expect(check('domain').evidence).toEqual([
      expect.objectContaining({ fact: 'catalog.domain', value: 'commerce' }),
    ]);
    expect(catalog.getEntitiesByRefs).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRefs: ['group:default/team-secret', 'system:default/payments'],
      }),
      { credentials },
    );
  });

  it('shows everything to a caller who may read the owner and system', async () => {
    const original = readiness();
    await expect(
      new RelationEvidenceRedactor(
        catalogShowing([checkout, team, system]),
      ).redact(checkout, original, credentials),
    ).resolves.toEqual(original);
  });

  it('asks the catalog nothing when no result rests on the owner or system', async () => {
    const catalog = catalogShowing([]);
    const original = readiness();
    original.scorecards[0].checks = original.scorecards[0].checks.filter(
      c => c.id === 'type',
    );
    await expect(
      new RelationEvidenceRedactor(catalog).redact(
        checkout,
        original,
        credentials,
      ),
    ).resolves.toBe(original);
    expect(catalog.getEntitiesByRefs).not.toHaveBeenCalled();
  });
});
