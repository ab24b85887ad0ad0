import {
  assertSameOrigin,
  encodePathSegment,
  UnsafeUrlValueError,
} from './entityUrls';
import { CollectorError } from './CollectorError';

describe('encodePathSegment', () => {
  it('percent-encodes a value into one segment', () => {
    expect(encodePathSegment('PABC123', 'id')).toBe('PABC123');
    expect(encodePathSegment('a b?c#d@e%2e', 'id')).toBe(
      'a%20b%3Fc%23d%40e%252e',
    );
    expect(encodePathSegment('.well', 'id')).toBe('.well');
  });

  it.each(['', '.', '..', 'a/b', '../x', 'a\\b'])(
    'refuses %j, naming what it is',
    value => {
      expect(() =>
        encodePathSegment(value, 'pagerduty.com/service-id'),
      ).toThrow(UnsafeUrlValueError);
      expect(() =>
        encodePathSegment(value, 'pagerduty.com/service-id'),
      ).toThrow(
        /^pagerduty\.com\/service-id ".*" cannot be a path segment of a URL/,
      );
    },
  );
});

it('is a CollectorError: its message is the reason the readers see', () => {
  expect(() => encodePathSegment('..', 'x')).toThrow(CollectorError);
  expect(() =>
    assertSameOrigin('https://evil.example', 'https://api.example.com'),
  ).toThrow(CollectorError);
});

describe('assertSameOrigin', () => {
  it('accepts a URL on the base origin', () => {
    expect(() =>
      assertSameOrigin(
        'https://api.example.com/x/y?z=1',
        'https://api.example.com/v2',
      ),
    ).not.toThrow();
  });

  it.each([
    'https://evil.example/x',
    'http://api.example.com/x',
    'https://api.example.com:8443/x',
    'https://api.example.com.evil.example/x',
  ])('refuses %s', url => {
    expect(() => assertSameOrigin(url, 'https://api.example.com')).toThrow(
      "the URL built from the entity's data leaves the configured API; no request was sent",
    );
  });
});
