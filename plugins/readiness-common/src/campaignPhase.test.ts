import { campaignPhase } from './campaignPhase';

const campaign = { startsAt: '2027-01-10', dueAt: '2027-03-31' };

describe('campaignPhase', () => {
  it.each([
    ['2027-01-09T23:59:59.999Z', 'scheduled', 81],
    ['2027-01-10T00:00:00Z', 'running', 80],
    ['2027-03-30T12:00:00Z', 'running', 1],
    ['2027-03-31T23:59:59.999Z', 'running', 0],
    ['2027-04-01T00:00:00Z', 'ended', -1],
    ['2027-05-01T08:00:00Z', 'ended', -31],
  ])('at %s is %s with %d days left', (at, phase, daysLeft) => {
    expect(campaignPhase(campaign, new Date(at))).toEqual({ phase, daysLeft });
  });

  it('counts whole UTC days across a daylight saving change', () => {
    expect(
      campaignPhase(
        { startsAt: '2027-03-01', dueAt: '2027-04-01' },
        new Date('2027-03-27T23:30:00Z'),
      ),
    ).toEqual({ phase: 'running', daysLeft: 5 });
  });
});
