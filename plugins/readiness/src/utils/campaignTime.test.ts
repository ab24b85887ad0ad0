import { campaignTimeWords } from './campaignTime';

const campaign = { startsAt: '2027-03-01', dueAt: '2027-03-31' };

describe('campaignTimeWords', () => {
  it('counts the days to the start of a scheduled campaign', () => {
    // On 2027-02-26: 33 days to the deadline, 3 to the start.
    expect(
      campaignTimeWords({ ...campaign, phase: 'scheduled', daysLeft: 33 }),
    ).toEqual({ key: 'startsIn', count: 3 });
  });

  it('counts the days left of a running one, and says when it is due today', () => {
    expect(
      campaignTimeWords({ ...campaign, phase: 'running', daysLeft: 12 }),
    ).toEqual({ key: 'dueIn', count: 12 });
    expect(
      campaignTimeWords({ ...campaign, phase: 'running', daysLeft: 0 }),
    ).toEqual({ key: 'dueToday' });
  });

  it('counts the days since an ended one ended', () => {
    expect(
      campaignTimeWords({ ...campaign, phase: 'ended', daysLeft: -5 }),
    ).toEqual({ key: 'endedAgo', count: 5 });
  });
});
