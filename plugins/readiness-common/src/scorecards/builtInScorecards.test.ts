import { loadBuiltInScorecards } from '../testUtils/builtInScorecards';

const builtIn = [...loadBuiltInScorecards().values()];

it('ships production-readiness and api-quality, valid', () => {
  expect(builtIn.map(s => s.id)).toEqual([
    'api-quality',
    'production-readiness',
  ]);
});

describe.each(builtIn.map(s => [s.id, s] as const))(
  'built-in scorecard %s',
  (_id, scorecard) => {
    it('has unique check ids', () => {
      const ids = scorecard.checks.map(c => c.id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('puts every check in a declared category and level, with a positive weight', () => {
      const categories = scorecard.categories.map(c => c.id);
      const levels = scorecard.levels.map(l => l.id);
      for (const check of scorecard.checks) {
        expect(categories).toContain(check.category);
        expect(levels).toContain(check.level);
        expect(check.weight).toBeGreaterThan(0);
        expect(check.remediation.text.length).toBeGreaterThan(40);
      }
    });

    it('has checks at every level and in every category', () => {
      for (const level of scorecard.levels) {
        expect(scorecard.checks.some(c => c.level === level.id)).toBe(true);
      }
      for (const category of scorecard.categories) {
        expect(scorecard.checks.some(c => c.category === category.id)).toBe(
          true,
        );
      }
    });
  },
);

describe('production-readiness', () => {
  const scorecard = builtIn.find(s => s.id === 'production-readiness')!;
  const attestationsOf = (id: string) =>
    JSON.stringify(scorecard.checks.find(c => c.id === id)!.condition).match(
      /"attestation":"[\w-]+","maxAge":"\w+"/g,
    );

  it('accepts an attestation, for a while, where the checklist names a practice', () => {
    expect({
      rollback: attestationsOf('rollback-tested'),
      restore: attestationsOf('restore-tested'),
      rehearsal: attestationsOf('disaster-recovery-rehearsed'),
      load: attestationsOf('load-tests'),
    }).toEqual({
      rollback: ['"attestation":"rollback-tested","maxAge":"90d"'],
      restore: ['"attestation":"restore-tested","maxAge":"180d"'],
      rehearsal: ['"attestation":"dr-rehearsed","maxAge":"365d"'],
      load: ['"attestation":"load-tested","maxAge":"180d"'],
    });
  });

  it('keeps exemptions to 90 days, and none from having an owner', () => {
    expect(scorecard.exemptions).toEqual({ maxDays: 90 });
    expect(scorecard.attestations).toEqual({ requireConfirmation: false });
    expect(
      scorecard.checks.filter(c => c.exemptible === false).map(c => c.id),
    ).toEqual(['owner-set']);
  });
});
