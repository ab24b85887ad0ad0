import { parseProjectSlug } from './projectSlug';

describe('parseProjectSlug', () => {
  it('reads owner/repository', () => {
    expect(parseProjectSlug(' acme-demo/payments.service ')).toEqual({
      owner: 'acme-demo',
      name: 'payments.service',
    });
  });

  it.each([undefined, '', 'acme', 'acme/x/y', '../x', 'acme/..'])(
    'refuses %p',
    slug => {
      expect(() => parseProjectSlug(slug)).toThrow(
        'is not <owner>/<repository>',
      );
    },
  );
});
