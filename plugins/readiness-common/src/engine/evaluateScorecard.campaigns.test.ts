import { CampaignDefinition } from '../campaigns';
import {
  check,
  entity,
  factsOf,
  now,
  scorecard,
  set,
} from './__fixtures__/featureScorecard';
import { evaluateScorecard } from './evaluateScorecard';

const svc = entity('svc', 'service');
const site = entity('site', 'website');

/** A campaign of the `features` scorecard, running around `now`. */
function campaign(
  id: string,
  more: Partial<CampaignDefinition> = {},
): CampaignDefinition {
  return {
    id,
    title: `Campaign ${id}`,
    scorecard: 'features',
    goal: { checks: ['slos'] },
    startsAt: '2026-11-01',
    dueAt: '2026-12-31',
    reminderDays: [14, 7, 1],
    ...more,
  };
}

const card = scorecard([
  check('owner', set('t.owner')),
  check('slos', set('t.slos'), { enforcement: 'advisory' }),
  check('runbook', set('t.runbook'), { level: 'silver' }),
  check('alerting', set('t.alerting'), {
    level: 'silver',
    enforcedFrom: '2027-06-01',
  }),
]);

describe('evaluateScorecard campaigns', () => {
  it("adds no campaigns without any, or with only other scorecards' ones", () => {
    const facts = factsOf({ 't.owner': 'a' });
    expect(evaluateScorecard(card, svc, facts, now)).not.toHaveProperty(
      'campaigns',
    );
    expect(
      evaluateScorecard(card, svc, facts, now, undefined, [
        campaign('other', { scorecard: 'security' }),
      ]),
    ).not.toHaveProperty('campaigns');
  });

  it('says which goal checks are still open, and when the goal is met', () => {
    const goal = { checks: ['owner', 'slos', 'runbook'] };
    const open = evaluateScorecard(
      card,
      svc,
      factsOf({ 't.owner': 'a', 't.slos': null }),
      now,
      undefined,
      [campaign('c', { goal })],
    );
    expect(open.campaigns).toEqual([
      {
        campaign: 'c',
        title: 'Campaign c',
        startsAt: '2026-11-01',
        dueAt: '2026-12-31',
        met: false,
        openChecks: ['slos', 'runbook'],
      },
    ]);

    const met = evaluateScorecard(
      card,
      svc,
      factsOf({ 't.owner': 'a', 't.slos': 's', 't.runbook': 'r' }),
      now,
      undefined,
      [campaign('c', { goal })],
    );
    expect(met.campaigns![0]).toMatchObject({ met: true, openChecks: [] });
  });

  it('counts waived and not applicable goal checks as met', () => {
    const narrow = scorecard(
      [
        check('owner', set('t.owner')),
        check('runbook', set('t.runbook'), {
          appliesTo: { 'spec.type': 'service' },
        }),
      ],
      [{ check: 'owner', entities: { 'metadata.name': 'site' }, reason: 'r' }],
    );
    const result = evaluateScorecard(
      narrow,
      site,
      factsOf({}),
      now,
      undefined,
      [campaign('c', { goal: { checks: ['owner', 'runbook'] } })],
    );
    expect(result.checks.map(c => c.status)).toEqual([
      'waived',
      'not-applicable',
    ]);
    expect(result.campaigns![0]).toMatchObject({ met: true, openChecks: [] });
  });

  it('takes the counted checks up to the level for a level goal, not advisory ones', () => {
    const facts = factsOf({ 't.owner': 'a', 't.slos': null });
    const bronze = evaluateScorecard(card, svc, facts, now, undefined, [
      campaign('c', { goal: { level: 'bronze' } }),
    ]);
    expect(bronze.level).toBe('bronze');
    expect(bronze.campaigns![0]).toMatchObject({ met: true, openChecks: [] });

    const silver = evaluateScorecard(card, svc, facts, now, undefined, [
      campaign('c', { goal: { level: 'silver' } }),
    ]);
    expect(silver.campaigns![0]).toMatchObject({
      met: false,
      openChecks: ['runbook'],
    });
    expect(silver.campaigns![0]).not.toHaveProperty('levelIfEnforced');
  });

  it('targets only the entities its appliesTo names', () => {
    const campaigns = [
      campaign('c', { appliesTo: { 'spec.type': 'service' } }),
    ];
    const facts = factsOf({});
    expect(
      evaluateScorecard(card, svc, facts, now, undefined, campaigns).campaigns,
    ).toHaveLength(1);
    expect(
      evaluateScorecard(card, site, facts, now, undefined, campaigns),
    ).not.toHaveProperty('campaigns');
  });

  it('lists campaigns soonest due first, then by id', () => {
    const result = evaluateScorecard(card, svc, factsOf({}), now, undefined, [
      campaign('late', { dueAt: '2027-02-01' }),
      campaign('b', { dueAt: '2026-12-15' }),
      campaign('a', { dueAt: '2026-12-15' }),
    ]);
    expect(result.campaigns!.map(c => c.campaign)).toEqual(['a', 'b', 'late']);
  });

  it('leaves out a campaign whose goal names a check or level the scorecard lacks', () => {
    const result = evaluateScorecard(card, svc, factsOf({}), now, undefined, [
      campaign('gone', { goal: { checks: ['owner', 'removed'] } }),
      campaign('no-level', { goal: { level: 'gold' } }),
      campaign('ok'),
    ]);
    expect(result.campaigns!.map(c => c.campaign)).toEqual(['ok']);
  });

  describe('that promotes advisory checks', () => {
    const promoting = campaign('slo-everywhere', {
      goal: { checks: ['slos', 'owner'] },
      dueAt: '2026-12-31',
      onComplete: { promote: true },
      appliesTo: { 'spec.type': 'service' },
    });
    const facts = factsOf({
      't.owner': 'a',
      't.slos': null,
      't.runbook': 'r',
      't.alerting': 'x',
    });

    it('keeps them advisory until its deadline, naming itself and the day', () => {
      const result = evaluateScorecard(
        card,
        svc,
        facts,
        new Date('2026-12-31T23:59:59.999Z'),
        undefined,
        [promoting],
      );
      expect(result.checks[1].advisory).toEqual({
        enforcedFrom: '2027-01-01',
        campaign: 'slo-everywhere',
      });
      expect(result.level).toBe('silver');
      expect(result.campaigns![0]).toMatchObject({
        met: false,
        openChecks: ['slos'],
        levelIfEnforced: null,
      });
    });

    it('enforces them from the day after its deadline', () => {
      const result = evaluateScorecard(
        card,
        svc,
        facts,
        new Date('2027-01-01T00:00:00Z'),
        undefined,
        [promoting],
      );
      expect(result.checks[1]).not.toHaveProperty('advisory');
      expect(result.checks[1].status).toBe('fail');
      expect(result.level).toBeNull();
      expect(result.advisoryFailing).toBe(0);
      expect(result.campaigns![0].levelIfEnforced).toBeNull();
    });

    it('does not promote them for the entities it does not target', () => {
      const result = evaluateScorecard(
        card,
        site,
        facts,
        new Date('2027-01-01T00:00:00Z'),
        undefined,
        [promoting],
      );
      expect(result.checks[1].advisory).toEqual({});
      expect(result.level).toBe('silver');
    });

    it('keeps an earlier enforcedFrom of the check, and replaces a later one', () => {
      const earlier = campaign('early', {
        goal: { checks: ['alerting'] },
        dueAt: '2027-03-31',
        onComplete: { promote: true },
      });
      const later = campaign('late', {
        goal: { checks: ['alerting'] },
        dueAt: '2027-09-30',
        onComplete: { promote: true },
      });
      const alerting = (campaigns: CampaignDefinition[]) =>
        evaluateScorecard(card, svc, facts, now, undefined, campaigns).checks[3]
          .advisory;
      expect(alerting([later])).toEqual({ enforcedFrom: '2027-06-01' });
      expect(alerting([later, earlier])).toEqual({
        enforcedFrom: '2027-04-01',
        campaign: 'early',
      });
    });

    it('promotes, for a level goal, the advisory checks up to that level', () => {
      const byLevel = campaign('bronze-for-all', {
        goal: { level: 'bronze' },
        onComplete: { promote: true },
      });
      const result = evaluateScorecard(
        card,
        svc,
        factsOf({ 't.owner': 'a', 't.slos': null, 't.runbook': 'r' }),
        now,
        undefined,
        [byLevel],
      );
      expect(result.checks.map(c => c.advisory)).toEqual([
        undefined,
        { enforcedFrom: '2027-01-01', campaign: 'bronze-for-all' },
        undefined,
        { enforcedFrom: '2027-06-01' },
      ]);
      expect(result.level).toBe('silver');
      expect(result.campaigns![0]).toMatchObject({
        met: false,
        openChecks: ['slos'],
        levelIfEnforced: null,
      });
    });

    it('says the level the entity would have were they enforced now', () => {
      const silverCheck = campaign('alerting-soon', {
        goal: { checks: ['alerting'] },
        onComplete: { promote: true },
      });
      const result = evaluateScorecard(
        card,
        svc,
        factsOf({ 't.owner': 'a', 't.slos': null, 't.runbook': 'r' }),
        now,
        undefined,
        [silverCheck],
      );
      expect(result.level).toBe('silver');
      expect(result.campaigns![0]).toMatchObject({
        met: false,
        openChecks: ['alerting'],
        levelIfEnforced: 'bronze',
      });
    });
  });
});
