import { FactCollector } from '@readiness/plugin-readiness-node';
import { FactCollectorRegistry } from './FactCollectorRegistry';

const collector = (id: string, factName = `${id}.x`): FactCollector => ({
  id,
  facts: [{ name: factName, type: 'string', description: 'x' }],
  collect: async () => new Map(),
});

describe('FactCollectorRegistry', () => {
  it('lists the collectors added', () => {
    const registry = new FactCollectorRegistry();
    registry.add(collector('github'));
    registry.add(collector('pagerduty'));
    expect(registry.list().map(c => c.id)).toEqual(['github', 'pagerduty']);
  });

  it.each([
    [
      'a duplicate id',
      [collector('github'), collector('github')],
      'Readiness fact collector "github" was added twice',
    ],
    [
      'the reserved catalog id',
      [collector('catalog')],
      'Invalid readiness fact collector id "catalog"',
    ],
    [
      'the reserved pushed id, whose facts pipelines push',
      [collector('pushed')],
      'Invalid readiness fact collector id "pushed"',
    ],
    [
      'an invalid id',
      [collector('Git Hub')],
      'Invalid readiness fact collector id "Git Hub"',
    ],
    [
      'a fact outside its namespace',
      [collector('github', 'branchProtection')],
      'declares fact "branchProtection", which must start with "github."',
    ],
  ])('rejects %s', (_case, collectors, message) => {
    const registry = new FactCollectorRegistry();
    expect(() => collectors.forEach(c => registry.add(c))).toThrow(message);
  });
});
