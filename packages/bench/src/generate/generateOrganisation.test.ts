import { stringifyEntityRef } from '@backstage/catalog-model';
import profile from '../profile/profile.json';
import { generateOrganisation } from './generateOrganisation';

describe('generateOrganisation', () => {
  const entities = generateOrganisation(profile, 2000);

  it('makes about as many entities as asked, in the profile proportions', () => {
    expect(entities.length).toBeGreaterThan(1950);
    expect(entities.length).toBeLessThan(2050);
    const components = entities.filter(e => e.kind === 'Component').length;
    expect(components / entities.length).toBeCloseTo(
      profile.kinds.Component,
      1,
    );
  });

  it('gives components annotations at about the corpus rates', () => {
    const components = entities.filter(e => e.kind === 'Component');
    const slugs = components.filter(
      c => c.metadata.annotations?.['github.com/project-slug'],
    ).length;
    expect(slugs / components.length).toBeCloseTo(
      profile.annotations['github.com/project-slug'],
      1,
    );
  });

  it('is the same for the same seed, with unique refs that resolve', () => {
    expect(generateOrganisation(profile, 2000)).toEqual(entities);
    const refs = new Set(entities.map(e => stringifyEntityRef(e)));
    expect(refs.size).toBe(entities.length);
    for (const entity of entities.filter(e => e.kind === 'Component')) {
      expect(refs.has(`group:default/${entity.spec!.owner}`)).toBe(true);
    }
  });
});
