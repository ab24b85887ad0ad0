import {
  CheckStatus,
  ScorecardResult,
} from '@readiness/plugin-readiness-common';
import { describeChange, VersionedResult } from './describeChange';

function versioned(
  statuses: Record<string, CheckStatus>,
  level: string | null,
  extra: Partial<VersionedResult> = {},
): VersionedResult {
  const result = {
    scorecard: { id: 'pr', title: 'PR', description: '', levels: [] },
    entityRef: 'component:default/svc',
    score: 50,
    level,
    nextLevel: null,
    categories: [],
    counts: { pass: 0, fail: 0, unknown: 0, 'not-applicable': 0, waived: 0 },
    checks: Object.entries(statuses).map(([id, status]) => ({
      id,
      title: id,
      category: 'c',
      level: 'bronze',
      weight: 1,
      status,
      evidence: [],
      remediation: { text: 'x' },
    })),
    evaluatedAt: '2026-11-25T10:00:00.000Z',
  } as ScorecardResult;
  return { result, entityEtag: 'e1', scorecardVersion: 'v1', ...extra };
}

describe('describeChange', () => {
  it('records a first evaluation with every check', () => {
    expect(
      describeChange(undefined, versioned({ a: 'pass', b: 'fail' }, null)),
    ).toEqual({
      scorecard: 'pr',
      changedAt: '2026-11-25T10:00:00.000Z',
      cause: 'first-evaluation',
      levelBefore: null,
      levelAfter: null,
      scoreBefore: null,
      scoreAfter: 50,
      checks: [
        { check: 'a', before: null, after: 'pass' },
        { check: 'b', before: null, after: 'fail' },
      ],
    });
  });

  it('records nothing when no status and no level changed', () => {
    const same = versioned({ a: 'pass' }, 'bronze');
    expect(describeChange(same, { ...same, entityEtag: 'e2' })).toBeUndefined();
  });

  it.each([
    ['entity', { entityEtag: 'e2', scorecardVersion: 'v2' }],
    ['scorecard', { scorecardVersion: 'v2' }],
    ['facts', {}],
  ] as const)('puts a change down to the %s', (cause, extra) => {
    const change = describeChange(
      versioned({ a: 'fail' }, null),
      versioned({ a: 'pass' }, 'bronze', extra),
    );
    expect(change).toMatchObject({
      cause,
      levelBefore: null,
      levelAfter: 'bronze',
      checks: [{ check: 'a', before: 'fail', after: 'pass' }],
    });
  });

  it('lists checks that appeared and disappeared', () => {
    const change = describeChange(
      versioned({ old: 'pass', kept: 'pass' }, 'bronze'),
      versioned({ kept: 'pass', added: 'unknown' }, 'bronze', {
        scorecardVersion: 'v2',
      }),
    );
    expect(change?.checks).toEqual([
      { check: 'added', before: null, after: 'unknown' },
      { check: 'old', before: 'pass', after: null },
    ]);
  });

  describe('a check that starts to count', () => {
    /** Check `a` failing, advisory with these details or enforced. */
    const failing = (
      level: string,
      score: number,
      advisory?: { enforcedFrom?: string; campaign?: string },
    ) => {
      const versionedResult = versioned({ a: 'fail' }, level);
      versionedResult.result.score = score;
      if (advisory) {
        versionedResult.result.checks[0].advisory = advisory;
      }
      return versionedResult;
    };

    it('is put down to the campaign whose deadline enforced it', () => {
      expect(
        describeChange(
          failing('gold', 80, { enforcedFrom: '2027-04-01', campaign: 'slo' }),
          failing('bronze', 60),
        ),
      ).toMatchObject({
        cause: 'campaign',
        note: 'a: enforced from 2027-04-01 by campaign slo',
        levelBefore: 'gold',
        levelAfter: 'bronze',
        checks: [],
      });
    });

    it('is put down to the scorecard when its own date came', () => {
      expect(
        describeChange(
          failing('gold', 80, { enforcedFrom: '2027-04-01' }),
          failing('gold', 60),
        ),
      ).toMatchObject({
        cause: 'scorecard',
        note: 'a: enforced from 2027-04-01',
        scoreBefore: 80,
        scoreAfter: 60,
      });
    });

    it('is no change when it passes', () => {
      const passing = versioned({ a: 'pass' }, 'gold');
      const advisory = versioned({ a: 'pass' }, 'gold');
      advisory.result.checks[0].advisory = { enforcedFrom: '2027-04-01' };
      expect(describeChange(advisory, passing)).toBeUndefined();
    });
  });
});
