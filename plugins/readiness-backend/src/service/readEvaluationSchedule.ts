import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

const CONFIG_KEY = 'readiness.schedule';

/** Every 30 minutes, first a few seconds after start-up. */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 30 },
  initialDelay: { seconds: 5 },
};

/** When the whole catalog is evaluated: `readiness.schedule`. */
export function readEvaluationSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  return config.has(CONFIG_KEY)
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig(CONFIG_KEY),
      )
    : DEFAULT_SCHEDULE;
}
