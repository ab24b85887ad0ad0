import { Entity } from '@backstage/catalog-model';
import {
  checkout,
  paymentsSystem,
  paymentsTeam,
} from '../__testUtils__/catalogEntities';
import { hideEntitiesFromUsers } from '../__testUtils__/hideEntitiesFromUsers';
import {
  LARGE_SCORECARD_LIMITS,
  manyChecksScorecard,
} from '../__testUtils__/manyChecksScorecard';
import { startActionsBackend } from '../__testUtils__/startActionsBackend';
import { MAX_OUTPUT_CHARS } from './outputBounds';

const named = (name: string): Entity => ({
  ...checkout,
  metadata: { ...checkout.metadata, name },
});

interface Check {
  id: string;
  status: string;
  level: string;
  advisory?: object;
  blocksNextLevel: boolean;
  remediation: { text: string };
  evidence?: string;
}

describe('action get-entity-readiness', () => {
  it('answers the standing and the checks not passing, those blocking the next level first', async () => {
    const { invoke } = await startActionsBackend({
      entities: [checkout, paymentsTeam, paymentsSystem],
    });

    const output = await invoke('get-entity-readiness', {
      entityRef: 'checkout',
    });

    expect(output.entityRef).toBe('component:default/checkout');
    const [result] = output.scorecards;
    expect(result).toMatchObject({
      id: 'production-readiness',
      title: 'Production Readiness',
      level: null,
      nextLevel: { id: 'bronze', title: 'Bronze' },
      evaluatedAt: expect.any(String),
    });
    const checks: Check[] = result.checksNotPassing;
    expect(checks).toHaveLength(15);
    expect(result.omittedChecks).toBeGreaterThan(0);
    expect(checks.every(c => ['fail', 'unknown'].includes(c.status))).toBe(
      true,
    );
    // Bronze first, and only bronze checks block bronze.
    const blocking = checks.filter(c => c.blocksNextLevel);
    expect(blocking.map(c => c.id)).toEqual(['ci-pipeline', 'source-location']);
    expect(checks.slice(0, 2)).toEqual(blocking);
    expect(checks.slice(2).every(c => c.level !== 'bronze')).toBe(true);
    expect(checks[0]).toMatchObject({
      id: 'ci-pipeline',
      status: 'unknown',
      reason: expect.stringContaining('github.workflows was not collected'),
      evidence: expect.stringContaining(
        'catalog.annotations[github.com/project-slug] = null (catalog)',
      ),
      remediation: { text: expect.stringContaining('pipeline') },
    });
    // Passing checks are not listed.
    expect(checks.map(c => c.id)).not.toContain('owner-set');
  });

  it('takes short and full refs alike, and one scorecard', async () => {
    const { invoke } = await startActionsBackend({ entities: [checkout] });
    for (const entityRef of [
      'checkout',
      'component:checkout',
      'default/checkout',
      'component:default/checkout',
    ]) {
      const output = await invoke('get-entity-readiness', {
        entityRef,
        scorecard: 'production-readiness',
        maxChecks: 1,
      });
      expect(output.entityRef).toBe('component:default/checkout');
      expect(output.scorecards).toHaveLength(1);
      expect(output.scorecards[0].checksNotPassing).toHaveLength(1);
    }
    const other = await invoke('get-entity-readiness', {
      entityRef: 'checkout',
      scorecard: 'api-quality',
    });
    expect(other).toEqual({
      entityRef: 'component:default/checkout',
      scorecards: [],
      note: 'Scorecard api-quality does not apply to this entity; these do: production-readiness.',
    });
  });

  it('refuses an unknown scorecard and bad input, saying what was meant', async () => {
    const { invoke } = await startActionsBackend({ entities: [checkout] });
    await expect(
      invoke('get-entity-readiness', {
        entityRef: 'checkout',
        scorecard: 'production-readyness',
      }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message:
        'Unknown scorecard "production-readyness" (did you mean "production-readiness"?)',
    });
    await expect(
      invoke('get-entity-readiness', { entityRef: 'checkout', maxChecks: 51 }),
    ).rejects.toMatchObject({ name: 'InputError' });
    await expect(
      invoke('get-entity-readiness', { entityRef: 'x'.repeat(301) }),
    ).rejects.toMatchObject({ name: 'InputError' });
    await expect(
      invoke('get-entity-readiness', { entityRef: 'component:' }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(
        /^entityRef "component:" is not an entity ref such as component:default\/name or name/,
      ),
    });
  });

  it('answers an unknown entity with the refs of similarly named ones', async () => {
    const { invoke } = await startActionsBackend({
      entities: [checkout, named('checkout-worker'), named('billing')],
    });
    await expect(
      invoke('get-entity-readiness', { entityRef: 'chekout' }),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message:
        'No entity component:default/chekout in the catalog; did you mean component:default/checkout?',
    });
    // Names holding the one asked for, nearest in length first.
    await expect(
      invoke('get-entity-readiness', { entityRef: 'api:default/checkout' }),
    ).rejects.toMatchObject({
      message:
        'No entity api:default/checkout in the catalog; did you mean component:default/checkout, component:default/checkout-worker?',
    });
    await expect(
      invoke('get-entity-readiness', { entityRef: 'zzz' }),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'No entity component:default/zzz in the catalog',
    });
  });

  it('answers for an entity the caller may not read as for one that does not exist', async () => {
    const secret = named('checkout-secret');
    const withSecret = await startActionsBackend({
      entities: [checkout, secret],
    });
    hideEntitiesFromUsers(
      withSecret.catalog,
      e => e.metadata.name === secret.metadata.name,
    );
    const without = await startActionsBackend({ entities: [checkout] });

    const answers = await Promise.all(
      [withSecret, without].map(backend =>
        backend
          .invoke('get-entity-readiness', { entityRef: 'checkout-secret' })
          .catch(e => ({ name: e.name, message: e.message })),
      ),
    );
    expect(answers[0]).toEqual({
      name: 'NotFoundError',
      message:
        'No entity component:default/checkout-secret in the catalog; did you mean component:default/checkout?',
    });
    expect(answers[1]).toEqual(answers[0]);
    // Nor is it suggested for a near name.
    await expect(
      withSecret.invoke('get-entity-readiness', {
        entityRef: 'checkout-secre',
      }),
    ).rejects.toMatchObject({
      message: expect.not.stringContaining('checkout-secret'),
    });
  });

  it('keeps the answer within its size with 200 failing checks', async () => {
    const { invoke } = await startActionsBackend({
      entities: [checkout],
      config: {
        readiness: {
          scorecards: [{ inline: manyChecksScorecard('many', 200, 1500) }],
          limits: { scorecards: LARGE_SCORECARD_LIMITS },
        },
      },
    });

    const output = await invoke('get-entity-readiness', {
      entityRef: 'checkout',
      scorecard: 'many',
      maxChecks: 50,
    });

    expect(JSON.stringify(output).length).toBeLessThanOrEqual(MAX_OUTPUT_CHARS);
    const [result] = output.scorecards;
    const checks: Check[] = result.checksNotPassing;
    expect(checks.length).toBeGreaterThan(5);
    expect(checks.length).toBeLessThan(50);
    expect(checks.length + result.omittedChecks).toBe(200);
    expect(checks[0]).toMatchObject({ id: 'check-0', blocksNextLevel: true });
    for (const check of checks) {
      expect(check.remediation.text.length).toBeLessThanOrEqual(1000);
      expect(check.evidence!.length).toBeLessThanOrEqual(300);
    }
  });
});
