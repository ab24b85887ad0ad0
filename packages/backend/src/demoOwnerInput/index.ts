import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { createReadinessStores } from '@readiness/plugin-readiness-backend/context';
import { seedDemoOwnerInput } from './seedDemoOwnerInput';

/** The config key that turns the seeding on (app-config.yaml only). */
export const SEED_CONFIG_KEY = 'readinessDemo.seedOwnerInput';

/**
 * The demo organisation's exemptions and attestations, in each state of the
 * workflow, stored in the Readiness plugin's database when it has none and
 * `readinessDemo.seedOwnerInput` is true. A module of the plugin, so that it
 * writes to the plugin's own database, before the plugin's first evaluation.
 */
export const demoOwnerInputModule = createBackendModule({
  pluginId: 'readiness',
  moduleId: 'demo-owner-input',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        logger: coreServices.logger,
      },
      async init({ config, database, logger }) {
        if (!config.getOptionalBoolean(SEED_CONFIG_KEY)) {
          return;
        }
        const { ownerInput } = await createReadinessStores({ database });
        const seeded = await seedDemoOwnerInput(ownerInput);
        if (seeded > 0) {
          logger.info(
            `Seeded ${seeded} demo exemptions and attestations (${SEED_CONFIG_KEY})`,
          );
        }
      },
    });
  },
});
