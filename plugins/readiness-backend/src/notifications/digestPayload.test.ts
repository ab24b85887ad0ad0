import { outboxItem, TEAM_A } from '../__testUtils__/notificationFixtures';
import type { ClaimedDigest, NotificationLine } from '../store';
import { digestPayload } from './digestPayload';

/** A regression digest of these lines, of `total` in all. */
function digest(
  lines: NotificationLine[],
  total = lines.length,
): ClaimedDigest {
  return {
    id: 1,
    recipient: TEAM_A,
    topic: 'readiness-regression',
    period: '2027-01-10',
    lines,
    total,
  };
}

const line = (
  entity: string,
  summary = 'Production readiness: Silver → Bronze',
) => outboxItem({ entity: `component:default/${entity}`, summary }).line;

describe('digestPayload', () => {
  it("links one entity's digest to its Readiness tab", () => {
    expect(digestPayload(digest([line('checkout')]))).toEqual({
      title: 'Readiness: component:default/checkout regressed',
      description:
        'component:default/checkout: Production readiness: Silver → Bronze',
      link: '/catalog/default/component/checkout/readiness',
      severity: 'high',
      topic: 'readiness-regression',
    });
  });

  it('groups lines by entity, lists at most 20 entities and counts the rest', () => {
    const lines = [
      line('checkout'),
      line('payments'),
      line('checkout', 'API quality: Gold → Silver'),
      ...Array.from({ length: 25 }, (_, i) => line(`service-${i}`)),
    ];
    const payload = digestPayload(digest(lines, lines.length + 4));
    expect(payload.title).toBe('Readiness: 32 regressions of your entities');
    expect(payload.link).toBe('/readiness');
    const description = payload.description!.split('\n');
    expect(description).toHaveLength(21);
    expect(description[0]).toBe(
      'component:default/checkout: Production readiness: Silver → Bronze · API quality: Gold → Silver',
    );
    expect(description[1]).toBe(
      'component:default/payments: Production readiness: Silver → Bronze',
    );
    // 27 entities, 20 listed; 4 lines not read.
    expect(description[20]).toBe('…and 11 more.');
  });

  it('names a campaign digest after its campaign and takes the highest severity', () => {
    const campaignLine = (severity: NotificationLine['severity']) => ({
      about: 'tracing-2027',
      aboutTitle: 'Trace every request',
      scorecard: 'production-readiness',
      summary: severity === 'high' ? 'deadline passed' : 'started',
      link: '/readiness/campaigns/tracing-2027',
      severity,
    });
    expect(
      digestPayload({
        ...digest([campaignLine('normal'), campaignLine('high')]),
        topic: 'readiness-campaign',
      }),
    ).toEqual({
      title: 'Readiness campaign: Trace every request',
      description: 'Trace every request: started · deadline passed',
      link: '/readiness/campaigns/tracing-2027',
      severity: 'high',
      topic: 'readiness-campaign',
    });
  });
});
