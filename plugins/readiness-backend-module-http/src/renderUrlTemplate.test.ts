import {
  parseTemplate,
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
    const template = parseTemplate(
      'https://sonar.example.com/api/x?component={{ metadata.annotations[\'sonarqube.org/project-key\'] }}&name={{metadata.name}}&owner={{ spec.owner }}&n={{ spec["replicas"] }}',
    );
    expect(renderUrlTemplate(template, entity)).toBe(
      'https://sonar.example.com/api/x?component=acme%3Apayments%20%26%20co%2Fx&name=payments-service&owner=group%3Adefault%2Fteam-payments&n=3',
    );
  });

  it('throws naming the field an entity lacks', () => {
    const template = parseTemplate(
      "https://x/{{ metadata.annotations['pagerduty.com/service-id'] }}",
    );
    expect(() => renderUrlTemplate(template, entity)).toThrow(
      "the entity has no value at metadata.annotations['pagerduty.com/service-id'] to fill the template",
    );
    expect(() =>
      renderUrlTemplate(parseTemplate('https://x/{{ spec }}'), entity),
    ).toThrow('the entity has no value at spec');
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
