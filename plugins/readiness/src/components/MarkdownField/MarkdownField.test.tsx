import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { MarkdownField } from './MarkdownField';

describe('MarkdownField', () => {
  it('previews the Markdown safely once there is some', async () => {
    await renderInTestApp(
      <MarkdownField
        label="Reason"
        value="**Vendor** delay ![x](https://tracker.example/p.gif)"
        onChange={jest.fn()}
      />,
    );

    const preview = screen.getByRole('region', { name: 'Preview of Reason' });
    expect(screen.getByText('Vendor').tagName).toBe('STRONG');
    expect(preview.querySelector('img')).toBeNull();
  });

  it('has no preview while empty, and shows its error', async () => {
    await renderInTestApp(
      <MarkdownField
        label="Reason"
        value=" "
        isRequired
        onChange={jest.fn()}
        error="Give the reason."
      />,
    );

    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Reason/ })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.getByText('Give the reason.')).toBeInTheDocument();
  });
});
