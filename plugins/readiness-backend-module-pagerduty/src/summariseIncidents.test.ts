import { summariseIncidents } from './PagerDutyCollector';

describe('summariseIncidents', () => {
  it('counts each incident once and rounds the mean to a tenth of a minute', () => {
    const created = '2025-06-01T00:00:00Z';
    expect(
      summariseIncidents([
        {
          id: 'A',
          status: 'resolved',
          created_at: created,
          resolved_at: '2025-06-01T00:10:00Z',
        },
        {
          id: 'A',
          status: 'resolved',
          created_at: created,
          resolved_at: '2025-06-01T00:10:00Z',
        },
        {
          id: 'B',
          status: 'resolved',
          created_at: created,
          resolved_at: '2025-06-01T00:00:20Z',
        },
        { id: 'C', status: 'resolved', created_at: 'never' },
      ]),
    ).toEqual({ count: 3, mttrMinutes: 5.2 });
  });
});
