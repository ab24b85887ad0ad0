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

  it('shows the text alone when there are no links', async () => {
    await renderInTestApp(
      <Remediation remediation={{ text: 'Do it.' }} checkTitle="Check" />,
    );

    expect(screen.getByText('Do it.')).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});
