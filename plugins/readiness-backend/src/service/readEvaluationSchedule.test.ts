import { ConfigReader } from '@backstage/config';
import { readEvaluationSchedule } from './readEvaluationSchedule';

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
