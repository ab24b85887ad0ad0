import { entityRefName } from './entityRefName';

describe('entityRefName', () => {
  it('is the name of a ref, or the text that is no ref', () => {
    expect(entityRefName('group:default/team-a')).toBe('team-a');
    expect(entityRefName('team-a')).toBe('team-a');
    expect(entityRefName('group:/')).toBe('group:/');
  });
});
