import { ConfigReader } from '@backstage/config';
import {
  readChangeDetectionSchedule,
  readEvaluationSchedule,
} from './readSchedules';

describe('readEvaluationSchedule', () => {
  it('runs every 30 minutes by default, first soon after start-up', () => {
    expect(readEvaluationSchedule(new ConfigReader({}))).toEqual({
      frequency: { minutes: 30 },
      timeout: { minutes: 30 },
      initialDelay: { seconds: 5 },
    });
  });

  it('reads readiness.schedule', () => {
    expect(
      readEvaluationSchedule(
        new ConfigReader({
          readiness: {
            schedule: { frequency: { hours: 1 }, timeout: { minutes: 50 } },
          },
        }),
      ),
    ).toMatchObject({ frequency: { hours: 1 }, timeout: { minutes: 50 } });
  });

  it('names the key when the schedule is wrong', () => {
    expect(() =>
      readEvaluationSchedule(
        new ConfigReader({ readiness: { schedule: { frequency: 'often' } } }),
      ),
    ).toThrow(/frequency/);
  });
});

describe('readChangeDetectionSchedule', () => {
  it('runs every minute by default and reads readiness.changeDetection', () => {
    expect(readChangeDetectionSchedule(new ConfigReader({}))).toMatchObject({
      frequency: { minutes: 1 },
    });
    expect(
      readChangeDetectionSchedule(
        new ConfigReader({
          readiness: {
            changeDetection: { frequency: { seconds: 20 }, timeout: '1m' },
          },
        }),
      ),
    ).toMatchObject({ frequency: { seconds: 20 } });
  });
});
