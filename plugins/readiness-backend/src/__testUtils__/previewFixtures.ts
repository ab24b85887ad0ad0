import { Entity } from '@backstage/catalog-model';

/** A production service of team-a, with these annotations. */
export const component = (name: string, annotations = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
});

/** A service with TechDocs. */
export const checkout = component('checkout', {
  'backstage.io/techdocs-ref': 'dir:.',
});

/** A service without TechDocs. */
export const library = component('utils');

/** A draft with a check on a catalog fact and one on a collector's fact. */
export const draft = (fact = 'catalog.annotations', extra = '') => `
apiVersion: readiness/v1
kind: Scorecard
metadata:
  name: api-quality
  title: Draft
  description: A stricter draft
spec:
  appliesTo: { kind: component }
  levels: [{ id: bronze, title: Bronze }]
  categories: [{ id: docs, title: Docs }]
  checks:
    - id: techdocs
      title: Has TechDocs
      category: docs
      level: bronze
      weight: 1
      condition: { fact: ${fact}, key: backstage.io/techdocs-ref, exists: true }
      remediation: { text: Add backstage.io/techdocs-ref. }
    - id: flagged
      title: Is flagged
      category: docs
      level: bronze
      weight: 1
      condition: { fact: test.flag, equals: true }
      remediation: { text: Flag it. }
${extra}`;
