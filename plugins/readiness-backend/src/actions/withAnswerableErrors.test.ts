import { mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { checkout } from '../__testUtils__/catalogEntities';
import { startActionsBackend } from '../__testUtils__/startActionsBackend';
import { withAnswerableErrors } from './withAnswerableErrors';

const ERROR_ID = /^Readiness failed to answer \(error id ([0-9a-f-]{36})\)$/;

/** An action that throws `error`, registered through the wrapper. */
function throwingAction(error: unknown) {
  const logger = mockServices.logger.mock();
  const actions = actionsRegistryServiceMock({ logger });
  withAnswerableErrors(actions).register({
    name: 'fails',
    title: 'Fails',
    description: 'Throws',
    schema: { input: z => z.object({}), output: z => z.object({}) },
    action: async () => {
      throw error;
    },
  });
  const invoke = () => actions.invoke({ id: 'test:fails', input: {} });
  return { invoke, logger };
}

describe('withAnswerableErrors', () => {
  it.each([
    ['InputError', new InputError('Unknown scorecard "x"')],
    [
      'NotFoundError',
      new NotFoundError('No entity component:default/x in the catalog'),
    ],
    ['NotAllowedError', new NotAllowedError('You may not preview scorecards')],
    ['ConflictError', new ConflictError('You have a preview running')],
  ])("passes Backstage's own %s through", async (_name, error) => {
    const { invoke, logger } = throwingAction(error);

    await expect(invoke()).rejects.toBe(error);
    expect(logger.error).not.toHaveBeenCalled();
  });

  it.each([
    new Error('select * from "readiness_results" - SQLITE_BUSY'),
    new TypeError('fetch failed: connect ECONNREFUSED 10.1.2.3:7007'),
    // A ResponseError quotes another service's answer.
    Object.assign(new Error('Request failed with 500'), {
      name: 'ResponseError',
    }),
    'a string',
  ])(
    'answers anything else with an id only, and logs it under that id (%#)',
    async error => {
      const { invoke, logger } = throwingAction(error);

      const refusal = await invoke().catch(e => e);

      expect(refusal.name).toBe('ServiceUnavailableError');
      const [, id] = refusal.message.match(ERROR_ID)!;
      expect(logger.error).toHaveBeenCalledWith(
        `Action fails failed, error id ${id}`,
        expect.objectContaining({
          message: error instanceof Error ? error.message : 'a string',
        }),
      );
    },
  );

  it("keeps a catalog's failure out of what Readiness' actions answer", async () => {
    const { invoke, catalog } = await startActionsBackend({
      entities: [checkout],
    });
    jest
      .spyOn(catalog, 'getEntityByRef')
      .mockRejectedValue(
        new TypeError('fetch failed: connect ECONNREFUSED 10.1.2.3:7007'),
      );

    for (const name of ['get-entity-readiness', 'refresh-entity']) {
      const refusal = await invoke(name, { entityRef: 'checkout' }).catch(
        e => e,
      );
      expect(refusal).toMatchObject({
        name: 'ServiceUnavailableError',
        message: expect.stringMatching(ERROR_ID),
      });
    }
  });
});
