import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { LinkField, useLinkError } from './LinkField';

// eslint-disable-next-line no-script-url -- a script URL is what must be refused
const SCRIPT_URL = 'javascript:alert(1)';

function LinkErrors(props: { values: string[] }) {
  const linkError = useLinkError();
  return (
    <ul>
      {props.values.map(value => (
        <li key={value}>{`${value}: ${linkError(value) || 'fine'}`}</li>
      ))}
    </ul>
  );
}

describe('LinkField', () => {
  it('is an optional address with its error', async () => {
    await renderInTestApp(
      <LinkField
        label="Link"
        description="A ticket."
        value="ftp://x"
        onChange={jest.fn()}
        error="Enter an address that starts with http:// or https://."
      />,
    );

    const input = screen.getByRole('textbox', { name: /Link/ });
    expect(input).toHaveAttribute('type', 'url');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('(Optional)')).toBeInTheDocument();
  });

  it('takes only http(s) links, or none', async () => {
    await renderInTestApp(
      <LinkErrors values={['', 'https://tickets.example.com/1', SCRIPT_URL]} />,
    );

    expect(
      screen.getAllByRole('listitem').map(item => item.textContent),
    ).toEqual([
      ': fine',
      'https://tickets.example.com/1: fine',
      `${SCRIPT_URL}: Enter an address that starts with http:// or https://.`,
    ]);
  });
});
