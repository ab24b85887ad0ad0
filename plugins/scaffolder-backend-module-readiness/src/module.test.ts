import { startTestBackend } from '@backstage/backend-test-utils';
import {
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { readinessScaffolderModule } from './module';

describe('readinessScaffolderModule', () => {
  it('adds readiness:evaluate and readiness:gate, both for dry runs too', async () => {
    const added: TemplateAction<any, any, any>[] = [];

    await startTestBackend({
      extensionPoints: [
        [
          scaffolderActionsExtensionPoint,
          { addActions: (...actions) => added.push(...actions) },
        ],
      ],
      features: [readinessScaffolderModule],
    });

    expect(added.map(a => [a.id, a.supportsDryRun])).toEqual([
      ['readiness:evaluate', true],
      ['readiness:gate', true],
    ]);
    // The Scaffolder validates inputs with the JSON schemas made from zod.
    expect(added[1].schema?.input).toMatchObject({
      required: ['scorecard', 'level'],
    });
  });
});
