import { TestDatabases } from '@backstage/backend-test-utils';
import { FactValue } from '@readiness/plugin-readiness-common';
import { storesOn } from '../../__testUtils__/testStores';
import { FactsPush } from './PushedFactsStore';

jest.setTimeout(60_000);

const REF = 'component:default/checkout';

function pushOf(
  observedAt: string,
  facts: Record<string, FactValue>,
  source = 'github-actions',
): FactsPush {
  return {
    entityRef: REF,
    source,
    pushedBy: 'external:ci',
    observedAt: new Date(observedAt),
    pushedAt: new Date('2027-01-10T12:00:00.000Z'),
    facts: new Map(Object.entries(facts)),
  };
}

describe('DatabasePushedFactsStore', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'keeps the newest observation of each fact, whatever order pushes arrive in, %p',
    async databaseId => {
      const { pushedFacts } = await storesOn(databases, databaseId);

      await expect(
        pushedFacts.push(
          pushOf('2027-01-10T10:00:00.000Z', {
            'pushed.testCoverage': 81.5,
            'pushed.suites': ['unit', 'e2e'],
            'pushed.labels': { tier: 'one', 'a.b': 'x' },
          }),
        ),
      ).resolves.toEqual(
        new Map([
          [
            'pushed.testCoverage',
            {
              stored: true,
              storedObservedAt: '2027-01-10T10:00:00.000Z',
              changed: true,
              renewed: true,
            },
          ],
          [
            'pushed.suites',
            {
              stored: true,
              storedObservedAt: '2027-01-10T10:00:00.000Z',
              changed: true,
              renewed: true,
            },
          ],
          [
            'pushed.labels',
            {
              stored: true,
              storedObservedAt: '2027-01-10T10:00:00.000Z',
              changed: true,
              renewed: true,
            },
          ],
        ]),
      );

      // An older observation of one fact, a newer one of another.
      const outcomes = await pushedFacts.push(
        pushOf(
          '2027-01-10T09:00:00.000Z',
          { 'pushed.testCoverage': 50, 'pushed.green': true },
          'jenkins',
        ),
      );
      expect(outcomes.get('pushed.testCoverage')).toEqual({
        stored: false,
        storedObservedAt: '2027-01-10T10:00:00.000Z',
        changed: false,
        renewed: false,
      });
      expect(outcomes.get('pushed.green')?.stored).toBe(true);

      // The same observation time again replaces it: the later push wins.
      const replaced = await pushedFacts.push(
        pushOf('2027-01-10T10:00:00.000Z', { 'pushed.suites': ['unit'] }),
      );
      expect(replaced.get('pushed.suites')).toMatchObject({
        stored: true,
        changed: true,
        renewed: false,
      });

      // The same value at the same time again: nothing newer is stored.
      const repeated = await pushedFacts.push(
        pushOf('2027-01-10T10:00:00.000Z', { 'pushed.suites': ['unit'] }),
      );
      expect(repeated.get('pushed.suites')).toMatchObject({
        stored: true,
        changed: false,
        renewed: false,
      });

      // From another source: the evidence names it, so it changed.
      const resourced = await pushedFacts.push(
        pushOf(
          '2027-01-10T10:00:00.000Z',
          { 'pushed.suites': ['unit'] },
          'buildkite',
        ),
      );
      expect(resourced.get('pushed.suites')).toMatchObject({
        stored: true,
        changed: true,
        renewed: false,
      });

      // A newer observation of the same value renews it.
      const renewed = await pushedFacts.push(
        pushOf('2027-01-10T11:00:00.000Z', {
          'pushed.labels': { tier: 'one', 'a.b': 'x' },
        }),
      );
      expect(renewed.get('pushed.labels')).toEqual({
        stored: true,
        storedObservedAt: '2027-01-10T11:00:00.000Z',
        changed: false,
        renewed: true,
      });

      const facts = await pushedFacts.getEntityFacts(REF);
      expect(Object.fromEntries(facts)).toEqual({
        'pushed.testCoverage': {
          value: 81.5,
          source: 'github-actions',
          pushedBy: 'external:ci',
          observedAt: '2027-01-10T10:00:00.000Z',
          pushedAt: '2027-01-10T12:00:00.000Z',
        },
        'pushed.suites': expect.objectContaining({
          value: ['unit'],
          source: 'buildkite',
        }),
        'pushed.labels': expect.objectContaining({
          value: { tier: 'one', 'a.b': 'x' },
          observedAt: '2027-01-10T11:00:00.000Z',
        }),
        'pushed.green': expect.objectContaining({
          value: true,
          source: 'jenkins',
          observedAt: '2027-01-10T09:00:00.000Z',
        }),
      });
      await expect(
        pushedFacts.getEntityFacts('component:default/other'),
      ).resolves.toEqual(new Map());
    },
  );

  it.each(databases.eachSupportedId())(
    'stores a long list of wide characters whole, %p',
    async databaseId => {
      const { pushedFacts } = await storesOn(databases, databaseId);
      const longList = Array.from({ length: 100 }, (_, i) =>
        `${i}`.padEnd(256, '語'),
      );
      await pushedFacts.push(
        pushOf('2027-01-10T10:00:00.000Z', { 'pushed.suites': longList }),
      );
      const facts = await pushedFacts.getEntityFacts(REF);
      expect(facts.get('pushed.suites')?.value).toEqual(longList);
    },
  );

  it.each(databases.eachSupportedId())(
    'lets concurrent first pushes of the same facts all finish, the newest kept, %p',
    async databaseId => {
      const { pushedFacts } = await storesOn(databases, databaseId);
      const hours = [3, 7, 5, 1, 6];
      const outcomes = await Promise.all(
        hours.map(hour =>
          pushedFacts.push(
            pushOf(`2027-01-10T0${hour}:00:00.000Z`, {
              'pushed.testCoverage': hour,
              'pushed.green': hour % 2 === 1,
            }),
          ),
        ),
      );
      expect(outcomes).toHaveLength(hours.length);
      const facts = await pushedFacts.getEntityFacts(REF);
      expect(facts.get('pushed.testCoverage')).toMatchObject({
        value: 7,
        observedAt: '2027-01-10T07:00:00.000Z',
      });
      expect(facts.get('pushed.green')?.value).toBe(true);
    },
  );
});
