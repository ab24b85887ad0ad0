import { FactSet } from '../../types';

/** When the condition tests evaluate, and when their facts were observed. */
export const now = new Date('2026-11-25T10:00:00.000Z');
export const observedAt = now.toISOString();

/** Catalog facts with a value, an empty value and a map. */
export const facts: FactSet = {
  'catalog.owner': { value: 'team-a', source: 'catalog', observedAt },
  'catalog.system': { value: null, source: 'catalog', observedAt },
  'catalog.tags': { value: ['ai', 'llm'], source: 'catalog', observedAt },
  'catalog.linkTypes': { value: [], source: 'catalog', observedAt },
  'catalog.annotations': {
    value: { 'pagerduty.com/service-id': 'P123' },
    source: 'catalog',
    observedAt,
  },
};
