import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { AsyncContent } from './AsyncContent';

const show = (value: string | undefined) => <p>value: {value ?? 'none'}</p>;

describe('AsyncContent', () => {
  it('shows progress while loading, and not the content', async () => {
    await renderInTestApp(
      <AsyncContent state={{ loading: true }} errorTitle="Could not load">
        {show}
      </AsyncContent>,
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(screen.queryByText(/value:/)).not.toBeInTheDocument();
  });

  it('shows the error under its title', async () => {
    await renderInTestApp(
      <AsyncContent
        state={{ loading: false, error: new Error('boom') }}
        errorTitle="Could not load"
      >
        {show}
      </AsyncContent>,
    );
    expect(screen.getByText(/Could not load/)).toBeInTheDocument();
    expect(screen.queryByText(/value:/)).not.toBeInTheDocument();
  });

  it('shows what the children make of the value', async () => {
    await renderInTestApp(
      <AsyncContent
        state={{ loading: false, value: 'ready' }}
        errorTitle="Could not load"
      >
        {show}
      </AsyncContent>,
    );
    expect(screen.getByText('value: ready')).toBeInTheDocument();
  });
});
