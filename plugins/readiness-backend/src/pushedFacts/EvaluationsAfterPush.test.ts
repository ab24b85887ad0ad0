import { mockServices } from '@backstage/backend-test-utils';
import { EvaluationsAfterPush } from './EvaluationsAfterPush';

/** A promise and the function that resolves it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>(resolve => {
    open = resolve;
  });
  return { opened, open };
}

describe('EvaluationsAfterPush', () => {
  it('joins pushes arriving during an evaluation into one more after it', async () => {
    const evaluations = new EvaluationsAfterPush(mockServices.logger.mock(), 4);
    const first = gate();
    const runs: string[] = [];
    const evaluate = (name: string, until?: Promise<void>) => async () => {
      runs.push(`${name} started`);
      await until;
      runs.push(`${name} ended`);
    };

    const a = evaluations.request(
      'component:default/a',
      evaluate('a1', first.opened),
    );
    const b = evaluations.request('component:default/a', evaluate('a2'));
    const c = evaluations.request('component:default/a', evaluate('a3'));
    // Another entity does not wait for this one.
    await evaluations.request('component:default/b', evaluate('b1'));
    expect(runs).toEqual(['a1 started', 'b1 started', 'b1 ended']);

    first.open();
    await a;
    expect(b).toBe(c);
    await b;
    expect(runs).toEqual([
      'a1 started',
      'b1 started',
      'b1 ended',
      'a1 ended',
      'a2 started',
      'a2 ended',
    ]);

    // Idle again: the next push evaluates at once.
    await evaluations.request('component:default/a', evaluate('a4'));
    expect(runs.slice(-2)).toEqual(['a4 started', 'a4 ended']);
  });

  it('evaluates at most maxConcurrent entities at once, skipping others, joins included', async () => {
    const evaluations = new EvaluationsAfterPush(mockServices.logger.mock(), 1);
    const first = gate();
    const runs: string[] = [];
    const a = evaluations.request('component:default/a', async () => {
      await first.opened;
      runs.push('a1');
    });
    // Joining the entity being evaluated takes no other place.
    const joined = evaluations.request('component:default/a', async () => {
      runs.push('a2');
    });
    const b = evaluations.request('component:default/b', async () => {
      runs.push('b1');
    });
    expect(a).toBeDefined();
    expect(joined).toBeDefined();
    expect(b).toBeUndefined();
    expect(evaluations.running).toBe(1);

    first.open();
    await joined;
    expect(runs).toEqual(['a1', 'a2']);
    // The place is freed once the entity's queue is drained.
    await new Promise(resolve => setImmediate(resolve));
    expect(evaluations.running).toBe(0);
    await evaluations.request('component:default/b', async () => {
      runs.push('b2');
    });
    expect(runs).toEqual(['a1', 'a2', 'b2']);
  });

  it('logs a failed evaluation and goes on', async () => {
    const logger = mockServices.logger.mock();
    const evaluations = new EvaluationsAfterPush(logger, 4);
    await expect(
      evaluations.request('component:default/a', async () => {
        throw new Error('catalog down');
      }),
    ).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      'Evaluating component:default/a after pushed facts failed: catalog down',
    );
    let evaluated = false;
    await evaluations.request('component:default/a', async () => {
      evaluated = true;
    });
    expect(evaluated).toBe(true);
  });
});
