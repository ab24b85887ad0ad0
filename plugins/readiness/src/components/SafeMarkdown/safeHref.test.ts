import { isExternalHref, safeHref } from './safeHref';

describe('safeHref', () => {
  it.each([
    'https://example.com/a',
    'http://example.com',
    'mailto:team@example.com',
    '/docs/owner',
    'docs/owner',
    '#section',
    '?tab=checks',
  ])('keeps %s', href => {
    expect(safeHref(href)).toBe(href);
  });

  /* eslint-disable no-script-url -- script URLs are what must be refused */
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    ' \u0001javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '',
    undefined,
  ])('refuses %j', href => {
    expect(safeHref(href)).toBeUndefined();
  });
  /* eslint-enable no-script-url */

  it('tells links that leave the app from relative ones', () => {
    expect(isExternalHref('https://example.com')).toBe(true);
    expect(isExternalHref('//example.com/a')).toBe(true);
    expect(isExternalHref('mailto:team@example.com')).toBe(true);
    expect(isExternalHref('/docs')).toBe(false);
  });
});
