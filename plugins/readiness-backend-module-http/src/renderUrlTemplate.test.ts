import {
  parseTemplate,
  parseUrlTemplate,
  renderJsonTemplate,
  renderUrlTemplate,
} from './renderUrlTemplate';
import type { Entity } from './types';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-service',
    annotations: { 'sonarqube.org/project-key': 'acme:payments & co/x' },
  },
  spec: { owner: 'group:default/team-payments', replicas: 3 },
};

describe('renderUrlTemplate', () => {
  it('fills dotted and bracketed fields, URL-encoded', () => {
    const template = parseUrlTemplate(
      'https://sonar.example.com/api/x?component={{ metadata.annotations[\'sonarqube.org/project-key\'] }}&name={{metadata.name}}&owner={{ spec.owner }}&n={{ spec["replicas"] }}',
    );
    expect(renderUrlTemplate(template, entity)).toBe(
      'https://sonar.example.com/api/x?component=acme%3Apayments%20%26%20co%2Fx&name=payments-service&owner=group%3Adefault%2Fteam-payments&n=3',
    );
  });

  it('throws naming the field an entity lacks', () => {
    const template = parseUrlTemplate(
      "https://x/{{ metadata.annotations['pagerduty.com/service-id'] }}",
    );
    expect(() => renderUrlTemplate(template, entity)).toThrow(
      "the entity has no value at metadata.annotations['pagerduty.com/service-id'] to fill the template",
    );
    expect(() =>
      renderUrlTemplate(parseUrlTemplate('https://x/{{ spec }}'), entity),
    ).toThrow('the entity has no value at spec');
  });

  it.each(['..', '.', 'a/..', '../../admin', '..\\admin', 'a/b'])(
    'refuses %j as a path segment, sending nothing',
    value => {
      const template = parseUrlTemplate(
        'https://sonar.example.com/api/{{ metadata.name }}/status',
      );
      const named = { ...entity, metadata: { name: value } };
      expect(() => renderUrlTemplate(template, named)).toThrow(
        `the value at metadata.name ${JSON.stringify(
          value,
        )} cannot be a path segment of a URL`,
      );
    },
  );

  it.each([
    ['%2e%2e', '%252e%252e'],
    ['evil.example@x', 'evil.example%40x'],
    ['x#frag', 'x%23frag'],
    ['x?admin=1', 'x%3Fadmin%3D1'],
  ])('encodes %j so that it stays in its segment', (value, encoded) => {
    const template = parseUrlTemplate(
      'https://sonar.example.com/api/{{ metadata.name }}/status?k={{ metadata.name }}',
    );
    const named = { ...entity, metadata: { name: value } };
    const url = new URL(renderUrlTemplate(template, named));
    expect(url.origin).toBe('https://sonar.example.com');
    expect(url.pathname).toBe(`/api/${encoded}/status`);
    expect(url.searchParams.get('k')).toBe(value);
  });

  it('encodes a host in a query value, and refuses it in a path segment', () => {
    const named = { ...entity, metadata: { name: '//evil.example' } };
    const inQuery = parseUrlTemplate(
      'https://sonar.example.com/api?k={{ metadata.name }}',
    );
    expect(new URL(renderUrlTemplate(inQuery, named)).origin).toBe(
      'https://sonar.example.com',
    );
    const inPath = parseUrlTemplate(
      'https://sonar.example.com/{{ metadata.name }}',
    );
    expect(() => renderUrlTemplate(inPath, named)).toThrow(
      'cannot be a path segment',
    );
  });

  it('refuses malformed placeholders', () => {
    expect(() => parseTemplate('https://x/{{ metadata..name }}')).toThrow(
      /is not an entity field/,
    );
    expect(() => parseTemplate('https://x/{{ }}')).toThrow(
      /not an entity field|names no/,
    );
    expect(() => parseTemplate('https://x/{{ metadata.name')).toThrow(
      /unbalanced/,
    );
    expect(() => parseTemplate("https://x/{{ a['b }}")).toThrow(
      /is not an entity field/,
    );
  });

  it('escapes values for a JSON string in a body template', () => {
    const template = parseTemplate(
      '{"q": "{{ metadata.annotations[\'sonarqube.org/project-key\'] }}"}',
    );
    const withQuote: Entity = {
      ...entity,
      metadata: {
        name: 'x',
        annotations: { 'sonarqube.org/project-key': 'a"b\\c' },
      },
    };
    expect(JSON.parse(renderJsonTemplate(template, withQuote))).toEqual({
      q: 'a"b\\c',
    });
  });
});
