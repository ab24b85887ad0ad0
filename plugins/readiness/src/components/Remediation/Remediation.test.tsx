import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { createFromTemplateRouteRef } from '../../routes';
import { Remediation } from './Remediation';

const remediation = {
  text: 'Add a `catalog-info.yaml` [owner](https://backstage.io/docs).',
  docsUrl: 'https://docs.example.com/owner',
  template: 'team/add-owner',
};

describe('Remediation', () => {
  it('renders the markdown, the docs link and the template link', async () => {
    await renderInTestApp(
      <Remediation remediation={remediation} checkTitle="Has an owner" />,
      {
        mountedRoutes: {
          '/create/templates/:namespace/:templateName':
            createFromTemplateRouteRef,
        },
      },
    );

    expect(screen.getByText('catalog-info.yaml').tagName).toBe('CODE');
    expect(screen.getByRole('link', { name: /^owner/ })).toHaveAttribute(
      'href',
      'https://backstage.io/docs',
    );
    const docs = screen.getByRole('link', {
      name: 'How to fix: Has an owner (opens in a new window)',
    });
    expect(docs).toHaveAttribute('href', 'https://docs.example.com/owner');
    expect(docs).toHaveAttribute('target', '_blank');
    expect(
      screen.getByRole('link', { name: 'Fix it with the template add-owner' }),
    ).toHaveAttribute('href', '/create/templates/team/add-owner');
  });

  it('names the template when the app does not route to the scaffolder', async () => {
    await renderInTestApp(
      <Remediation remediation={remediation} checkTitle="Has an owner" />,
    );

    expect(
      screen.getByText('Scaffolder template: team/add-owner'),
    ).toBeInTheDocument();
  });

  it('renders no raw HTML, no remote image and no script link', async () => {
    const hostile = [
      'Fix it <img src="https://tracker.example/pixel.gif">.',
      '',
      '<script>window.pwned = true</script>',
      '',
      'Open <a href="javascript:alert(1)">the guide</a> or',
      '[this one](javascript:alert(2)) or [that one](data:text/html,hi).',
      '',
      '![status badge](https://tracker.example/badge.svg)',
      '',
      'Mail [us](mailto:team@example.com) or read [the docs](/docs/owner).',
    ].join('\n');

    const { container } = await renderInTestApp(
      <Remediation remediation={{ text: hostile }} checkTitle="Check" />,
    );

    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    for (const link of container.querySelectorAll('a')) {
      expect(link.getAttribute('href')).toMatch(/^(https:|mailto:|\/)/);
    }
    expect(screen.getByText(/<script>/)).toBeInTheDocument();
    for (const name of ['the guide', 'this one', 'that one']) {
      expect(container).toHaveTextContent(name);
      expect(screen.queryByRole('link', { name })).not.toBeInTheDocument();
    }
    const image = screen.getByRole('link', { name: 'status badge' });
    expect(image).toHaveAttribute('href', 'https://tracker.example/badge.svg');
    expect(image).toHaveAttribute('target', '_blank');
    expect(image).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByRole('link', { name: 'us' })).toHaveAttribute(
      'href',
      'mailto:team@example.com',
    );
    expect(screen.getByRole('link', { name: 'the docs' })).toHaveAttribute(
      'href',
      '/docs/owner',
    );
  });

  it('shows the text alone when there are no links', async () => {
    await renderInTestApp(
      <Remediation remediation={{ text: 'Do it.' }} checkTitle="Check" />,
    );

    expect(screen.getByText('Do it.')).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});
