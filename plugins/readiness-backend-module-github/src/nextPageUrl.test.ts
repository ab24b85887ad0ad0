import { nextPageUrl } from './nextPageUrl';

describe('nextPageUrl', () => {
  it('finds rel="next" among GitHub’s links', () => {
    expect(
      nextPageUrl(
        '<https://api.github.com/repositories/1/issues?page=2>; rel="prev", <https://api.github.com/repositories/1/issues?page=4>; rel="next", <https://api.github.com/repositories/1/issues?page=515>; rel="last"',
      ),
    ).toBe('https://api.github.com/repositories/1/issues?page=4');
    expect(
      nextPageUrl('<https://api.github.com/x?page=1>; rel="first"'),
    ).toBeUndefined();
    expect(nextPageUrl(null)).toBeUndefined();
  });
});
