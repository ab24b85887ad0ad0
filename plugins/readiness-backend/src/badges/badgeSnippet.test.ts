import { ConfigReader } from '@backstage/config';
import { badgeMarkdown, badgeUrl } from './badgeSnippet';
import { readBadgeSettings } from './readBadgeSettings';

describe('badge snippets', () => {
  const url = badgeUrl('https://backstage.example', 'abc_DEF-123');

  it('links the image to the Readiness tab, kind and namespace lower case', () => {
    expect(url).toBe(
      'https://backstage.example/api/readiness/public/badges/abc_DEF-123',
    );
    expect(
      badgeMarkdown({
        scorecardTitle: 'Production readiness',
        url,
        appBaseUrl: 'https://backstage.example',
        entity: { kind: 'Component', namespace: 'Team-A', name: 'Checkout_v2' },
      }),
    ).toBe(
      `[![Production readiness: readiness](${url})](https://backstage.example/catalog/team-a/component/Checkout_v2/readiness)`,
    );
  });

  it('escapes what would end or mark up the alt text, and the link', () => {
    const markdown = badgeMarkdown({
      scorecardTitle: 'Ready] [x](y) <b>*_`!\\',
      url,
      appBaseUrl: 'https://backstage.example',
      entity: { kind: 'component', namespace: 'default', name: 'a(b)' },
    });
    expect(markdown).toBe(
      `[![Ready\\] \\[x\\](y) \\<b\\>\\*\\_\\\`\\!\\\\: readiness](${url})](https://backstage.example/catalog/default/component/a%28b%29/readiness)`,
    );
  });
});

describe('readBadgeSettings', () => {
  it('is off by default, reading no base URL', () => {
    expect(readBadgeSettings(new ConfigReader({}))).toEqual({ public: false });
  });

  it('reads the base URLs when on, without trailing slashes', () => {
    expect(
      readBadgeSettings(
        new ConfigReader({
          readiness: { badges: { public: true } },
          app: { baseUrl: 'https://app.example/' },
          backend: { baseUrl: 'https://api.example' },
        }),
      ),
    ).toEqual({
      public: true,
      appBaseUrl: 'https://app.example',
      backendBaseUrl: 'https://api.example',
    });
    expect(() =>
      readBadgeSettings(
        new ConfigReader({ readiness: { badges: { public: true } } }),
      ),
    ).toThrow(/backend\.baseUrl/);
  });
});
