import { renderInTestApp } from '@backstage/test-utils';
import { act, renderHook, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FormDialog } from './FormDialog';
import { useFormSubmit } from './useFormSubmit';

describe('FormDialog', () => {
  it('shows the fields, the error in its words, and the two buttons', async () => {
    const onSubmit = jest.fn();
    const onClose = jest.fn();
    await renderInTestApp(
      <FormDialog
        title="Do it"
        submitLabel="Send"
        onSubmit={onSubmit}
        onClose={onClose}
        submitting={false}
        error={new Error('Not allowed')}
        errorTitle="Could not do it"
      >
        <p>Fields</p>
      </FormDialog>,
    );

    const dialog = screen.getByRole('dialog');
    expect(
      within(dialog).getByRole('heading', { name: 'Do it' }),
    ).toBeVisible();
    expect(within(dialog).getByText('Fields')).toBeVisible();
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'Could not do it',
    );
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Not allowed');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    expect(onSubmit).toHaveBeenCalled();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    expect(onClose).toHaveBeenCalledTimes(1);
    await userEvent.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});

describe('useFormSubmit', () => {
  it('shows the errors from the first attempt on, and submits only when there are none', async () => {
    const submit = jest.fn(async () => {});
    const { result, rerender } = renderHook(
      ({ errors }: { errors: Record<string, string | undefined> }) =>
        useFormSubmit(errors, submit, []),
      {
        initialProps: {
          errors: { reason: 'Give the reason.' } as Record<
            string,
            string | undefined
          >,
        },
      },
    );
    expect(result.current.shown).toEqual({});

    act(() => result.current.onSubmit());
    expect(result.current.shown).toEqual({ reason: 'Give the reason.' });
    expect(submit).not.toHaveBeenCalled();

    rerender({ errors: { reason: undefined } });
    await act(async () => result.current.onSubmit());
    expect(submit).toHaveBeenCalledTimes(1);
  });
});
