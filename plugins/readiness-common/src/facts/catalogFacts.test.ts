import { Entity } from '@backstage/catalog-model';
import { Fact, FactValue } from '../types';
import { CATALOG_FACTS, CatalogRelations, catalogFacts } from './catalogFacts';

const observedAt = new Date('2026-11-25T10:00:00Z');

function valuesOf(facts: Record<string, Fact>): Record<string, FactValue> {
  return Object.fromEntries(
    Object.entries(facts).map(([name, fact]) => [name, fact.value]),
  );
}

function entity(
  spec: Record<string, unknown>,
  metadata: Record<string, unknown> = {},
  kind = 'Component',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'checkout', ...metadata },
    spec,
  } as Entity;
}

const group = (members: number, extra: object[] = []): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-a' },
  spec: { type: 'team', children: [] },
  relations: [
    ...Array.from({ length: members }, (_, i) => ({
      type: 'hasMember',
      targetRef: `user:default/member-${i}`,
    })),
    { type: 'childOf', targetRef: 'group:default/engineering' },
    ...(extra as NonNullable<Entity['relations']>),
  ],
});

const system = (spec: Record<string, unknown>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'payments' },
  spec: { owner: 'team-a', ...spec },
});

describe('catalogFacts', () => {
  it('reads what the entity declares', () => {
    const facts = catalogFacts(
      entity(
        {
          type: 'service',
          owner: 'team-a',
          lifecycle: 'production',
          providesApis: ['payments-api'],
          consumesApis: ['api:default/fraud-api'],
          dependsOn: ['resource:payments-db'],
        },
        {
          description: 'Takes payments',
          tags: ['java'],
          labels: { tier: '1' },
          annotations: { 'pagerduty.com/service-id': 'P1' },
          links: [
            { url: 'https://r.example', type: 'Runbook' },
            { url: 'https://x.example' },
          ],
        },
      ),
      observedAt,
    );
    expect(valuesOf(facts)).toEqual({
      'catalog.kind': 'Component',
      'catalog.type': 'service',
      'catalog.owner': 'team-a',
      'catalog.ownerKind': 'group',
      'catalog.lifecycle': 'production',
      'catalog.system': null,
      'catalog.description': 'Takes payments',
      'catalog.tags': ['java'],
      'catalog.labels': { tier: '1' },
      'catalog.annotations': { 'pagerduty.com/service-id': 'P1' },
      'catalog.linkTypes': ['runbook'],
      'catalog.providesApis': ['payments-api'],
      'catalog.consumesApis': ['api:default/fraud-api'],
      'catalog.dependsOn': ['resource:payments-db'],
      'catalog.apiDefinition': false,
    });
    expect(facts['catalog.owner']).toEqual({
      value: 'team-a',
      source: 'catalog',
      observedAt: '2026-11-25T10:00:00.000Z',
    });
  });

  it('treats blank and mistyped fields as not declared', () => {
    const odd = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'odd',
        description: '   ',
        tags: ['ok', 3],
        labels: ['not', 'a', 'map'],
        annotations: { good: 'yes', count: 3, flag: true, nested: { a: 1 } },
        links: [
          null,
          'https://x.example',
          { type: 7 },
          { type: ' Dashboard ' },
        ],
      },
      spec: {
        owner: { name: 'not-a-string' },
        lifecycle: '',
        system: 42,
        providesApis: 'payments-api',
        dependsOn: [null, 'resource:db'],
      },
    } as unknown as Entity;
    const values = valuesOf(catalogFacts(odd, observedAt));
    expect(values).toMatchObject({
      'catalog.description': null,
      'catalog.owner': null,
      'catalog.ownerKind': null,
      'catalog.lifecycle': null,
      'catalog.system': null,
      'catalog.tags': ['ok'],
      'catalog.labels': {},
      'catalog.annotations': { good: 'yes' },
      'catalog.linkTypes': ['dashboard'],
      'catalog.providesApis': [],
      'catalog.dependsOn': ['resource:db'],
    });
  });

  it('survives entities without spec, metadata or even an object shape', () => {
    const strange = [
      { apiVersion: 'backstage.io/v1alpha1', kind: 'Component' },
      { kind: 'Location', metadata: null, spec: 'targets' },
      { kind: ['Component'], metadata: [], spec: [] },
      { kind: 'Component', metadata: { name: 7, annotations: 'x' } },
      null,
      'kind: Component',
    ] as unknown as Entity[];
    for (const e of strange) {
      const values = valuesOf(
        catalogFacts(e, observedAt, { owner: null, system: null }),
      );
      expect(values['catalog.owner']).toBeNull();
      expect(values['catalog.annotations']).toEqual({});
      expect(values['catalog.ownerResolved']).toBe(false);
      expect(values['catalog.ownerMembers']).toBe(0);
    }
  });

  it('does not take template placeholders for declared values', () => {
    const skeleton = entity(
      {
        type: 'service',
        owner: '${{ values.owner }}',
        lifecycle: '{{ cookiecutter.lifecycle }}',
        system: '${{ values.system | dump }}',
        dependsOn: ['resource:${{ values.name }}-db', 'resource:shared-db'],
      },
      {
        name: '${{ values.name | dump }}',
        description: '${{ values.description }}',
        tags: ['${{ values.language }}', 'java'],
        annotations: {
          'github.com/project-slug': '${{ values.repoUrl | projectSlug }}',
          'backstage.io/techdocs-ref': 'dir:.',
          'loadtest.example/id': 'loadtest-${INDEX}',
        },
        links: [
          { url: 'https://x.example', type: '{% if x %}runbook{% endif %}' },
        ],
      },
    );
    expect(valuesOf(catalogFacts(skeleton, observedAt))).toMatchObject({
      'catalog.owner': null,
      'catalog.ownerKind': null,
      'catalog.lifecycle': null,
      'catalog.system': null,
      'catalog.description': null,
      'catalog.tags': ['java'],
      'catalog.dependsOn': ['resource:shared-db'],
      'catalog.annotations': { 'backstage.io/techdocs-ref': 'dir:.' },
      'catalog.linkTypes': [],
    });
  });

  it.each([
    ['team-a', 'group'],
    ['group:team-a', 'group'],
    ['Group:redhat/xe-compass-devs', 'group'],
    ['user:guest', 'user'],
    ['User:redhat/yoswal', 'user'],
    ['default/team-a', 'group'],
    // The catalog reads an e-mail address as the name of a group.
    ['john@example.com', 'group'],
    ['group:', null],
    [':team', null],
  ])('reads the kind of the owner %j as %j', (owner, kind) => {
    expect(
      catalogFacts(entity({ owner }), observedAt)['catalog.ownerKind'].value,
    ).toBe(kind);
  });

  describe('with resolved relations', () => {
    const declared = entity({
      type: 'service',
      owner: 'group:default/team-a',
      system: 'payments',
    });

    it('says whether owner and system resolve, how many members the owner has and the domain', () => {
      const relations: CatalogRelations = {
        owner: group(3, [
          { type: 'hasMember', targetRef: 'user:default/member-0' },
        ]),
        system: system({ domain: 'commerce' }),
      };
      expect(
        valuesOf(catalogFacts(declared, observedAt, relations)),
      ).toMatchObject({
        'catalog.ownerKind': 'group',
        'catalog.ownerResolved': true,
        'catalog.ownerMembers': 3,
        'catalog.systemResolved': true,
        'catalog.domain': 'commerce',
      });
    });

    it('counts no members for a user, a group without members or an unresolved owner', () => {
      const user: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: 'jane' },
        spec: { memberOf: ['team-a'] },
        relations: [{ type: 'hasMember', targetRef: 'user:default/x' }],
      };
      const cases: Array<[Entity | null, boolean, number]> = [
        [user, true, 0],
        [group(0), true, 0],
        [{ ...group(0), relations: undefined }, true, 0],
        [null, false, 0],
      ];
      for (const [owner, resolved, members] of cases) {
        const values = valuesOf(
          catalogFacts(declared, observedAt, { owner, system: null }),
        );
        expect(values['catalog.ownerResolved']).toBe(resolved);
        expect(values['catalog.ownerMembers']).toBe(members);
        expect(values['catalog.systemResolved']).toBe(false);
        expect(values['catalog.domain']).toBeNull();
      }
    });

    it('gives no domain when the system declares none, or a placeholder', () => {
      for (const spec of [
        {},
        { domain: '' },
        { domain: '${{ values.domain }}' },
      ]) {
        const values = valuesOf(
          catalogFacts(declared, observedAt, {
            owner: null,
            system: system(spec),
          }),
        );
        expect(values['catalog.systemResolved']).toBe(true);
        expect(values['catalog.domain']).toBeNull();
      }
    });

    it('leaves the relation facts out when relations are not given', () => {
      const names = Object.keys(catalogFacts(declared, observedAt));
      for (const name of [
        'catalog.ownerResolved',
        'catalog.ownerMembers',
        'catalog.systemResolved',
        'catalog.domain',
        'catalog.apiProviders',
        'catalog.apiConsumers',
      ]) {
        expect(names).not.toContain(name);
      }
      expect(names).toContain('catalog.ownerKind');
    });
  });

  describe('for APIs', () => {
    const api = (spec: Record<string, unknown>, relations?: unknown[]) =>
      ({
        ...entity({ type: 'openapi', owner: 'team-a', ...spec }, {}, 'API'),
        ...(relations && { relations }),
      } as Entity);

    it.each([
      ['an inline definition', 'openapi: 3.0.3\ninfo: {}', true],
      ['a $text substitution', { $text: './openapi.yaml' }, true],
      [
        'an $openapi substitution',
        { $openapi: 'https://x.example/api.yaml' },
        true,
      ],
      ['a blank definition', '  ', false],
      ['a templated definition', '${{ values.definition }}', false],
      ['a templated substitution', { $text: '${{ values.path }}' }, false],
      ['an unknown object', { openapi: '3.0.3' }, false],
      ['no definition', undefined, false],
    ])('sees %s as %j', (_name, definition, expected) => {
      expect(
        catalogFacts(api({ definition }), observedAt)['catalog.apiDefinition']
          .value,
      ).toBe(expected);
    });

    it('counts providers and consumers from the relations the catalog computed', () => {
      const values = valuesOf(
        catalogFacts(
          api({ definition: 'x' }, [
            { type: 'apiProvidedBy', targetRef: 'component:default/a' },
            { type: 'apiProvidedBy', targetRef: 'component:default/a' },
            { type: 'apiConsumedBy', targetRef: 'component:default/b' },
            { type: 'apiConsumedBy', targetRef: 'component:default/c' },
            { type: 'ownedBy', targetRef: 'group:default/team-a' },
            null,
          ]),
          observedAt,
        ),
      );
      expect(values['catalog.apiProviders']).toBe(1);
      expect(values['catalog.apiConsumers']).toBe(2);
    });

    it('counts none for a component, and leaves them out without catalog relations', () => {
      const component = {
        ...entity({ definition: 'x' }),
        relations: [
          { type: 'apiProvidedBy', targetRef: 'component:default/a' },
        ],
      };
      const values = valuesOf(catalogFacts(component, observedAt));
      expect(values['catalog.apiDefinition']).toBe(false);
      expect(values['catalog.apiProviders']).toBe(0);
      expect(
        Object.keys(catalogFacts(api({ definition: 'x' }), observedAt)),
      ).not.toContain('catalog.apiProviders');
    });
  });

  it('defines every fact it returns, with the type of its values', () => {
    const full = {
      ...entity(
        {
          type: 'openapi',
          owner: 'team-a',
          lifecycle: 'production',
          system: 'payments',
          definition: 'x',
        },
        { description: 'd', tags: ['t'], labels: { l: 'v' }, links: [] },
        'API',
      ),
      relations: [],
    };
    const facts = catalogFacts(full, observedAt, {
      owner: group(1),
      system: system({ domain: 'commerce' }),
    });
    expect(Object.keys(facts).sort()).toEqual(
      CATALOG_FACTS.map(f => f.name).sort(),
    );
    for (const definition of CATALOG_FACTS) {
      const value = facts[definition.name].value;
      let type: string = typeof value;
      if (Array.isArray(value)) {
        type = 'string-list';
      } else if (typeof value === 'object') {
        type = 'string-map';
      }
      expect([definition.name, type]).toEqual([
        definition.name,
        definition.type,
      ]);
      expect(definition.description).not.toBe('');
    }
  });
});
