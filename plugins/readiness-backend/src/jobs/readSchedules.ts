import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

/** The schedule at `key`, or the default when the key is not set. */
function readSchedule(
  config: Config,
  key: string,
  fallback: SchedulerServiceTaskScheduleDefinition,
): SchedulerServiceTaskScheduleDefinition {
  return config.has(key)
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig(key),
      )
    : fallback;
}

/**
 * When the whole catalog is evaluated, `readiness.schedule`: by default
 * every 30 minutes, first a few seconds after start-up.
 */
export function readEvaluationSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  return readSchedule(config, 'readiness.schedule', {
    frequency: { minutes: 30 },
    timeout: { minutes: 30 },
    initialDelay: { seconds: 5 },
  });
}

/**
 * When the catalog is scanned for changed entities,
 * `readiness.changeDetection`: by default every minute.
 */
export function readChangeDetectionSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  return readSchedule(config, 'readiness.changeDetection', {
    frequency: { minutes: 1 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 1 },
  });
}
