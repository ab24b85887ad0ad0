import { campaignNameAt, isLinkTo } from './pageLocation';

describe('pageLocation', () => {
  it('matches a link to the path, with or without the base path', () => {
    expect(isLinkTo('/readiness/campaigns', '/readiness/campaigns/')).toBe(
      true,
    );
    expect(isLinkTo('/base/readiness/campaigns', '/readiness/campaigns')).toBe(
      true,
    );
    expect(isLinkTo('/readiness/campaigns', '/readiness')).toBe(false);
    expect(isLinkTo('/readiness', '/')).toBe(false);
  });

  it('finds the campaign name below the campaigns link', () => {
    expect(
      campaignNameAt('/readiness/campaigns', '/readiness/campaigns/tls-all'),
    ).toBe('tls-all');
    expect(
      campaignNameAt(
        '/base/readiness/campaigns',
        '/readiness/campaigns/a%20b/',
      ),
    ).toBe('a b');
    expect(
      campaignNameAt('/readiness/campaigns', '/readiness/campaigns'),
    ).toBeUndefined();
    expect(
      campaignNameAt('/readiness/campaigns', '/readiness/exemptions/x'),
    ).toBeUndefined();
    expect(
      campaignNameAt('/readiness/campaigns', '/readiness/campaigns/a/b'),
    ).toBeUndefined();
    expect(
      campaignNameAt('/readiness/campaigns', '/readiness/campaigns/%E0%A4%A'),
    ).toBeUndefined();
  });
});
