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
    const evaluations = new EvaluationsAfterPush(mockServices.logger.mock());
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

  it('logs a failed evaluation and goes on', async () => {
    const logger = mockServices.logger.mock();
    const evaluations = new EvaluationsAfterPush(logger);
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
