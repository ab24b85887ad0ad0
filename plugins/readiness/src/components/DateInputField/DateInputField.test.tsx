import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateInputField } from './DateInputField';
import { useDateError } from './useDateError';

describe('DateInputField', () => {
  it('takes a day within its range, labelled and described', async () => {
    const onChange = jest.fn();
    await renderInTestApp(
      <DateInputField
        label="End date"
        description="The last day."
        value=""
        onChange={onChange}
        min="2026-01-01"
        max="2026-03-31"
        isRequired
      />,
    );

    const input = screen.getByLabelText(/End date/);
    expect(input).toHaveAttribute('type', 'date');
    expect(input).toHaveAttribute('min', '2026-01-01');
    expect(input).toHaveAttribute('max', '2026-03-31');
    expect(input).toBeRequired();
    expect(input).toHaveAccessibleDescription('The last day.');

    await userEvent.type(input, '2026-02-14');
    expect(onChange).toHaveBeenLastCalledWith('2026-02-14');
  });

  it('announces its error with it', async () => {
    await renderInTestApp(
      <DateInputField
        label="End date"
        value="2027-01-01"
        onChange={jest.fn()}
        error="Choose 2026-03-31 or earlier."
      />,
    );

    const input = screen.getByLabelText(/End date/);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Choose 2026-03-31 or earlier.');
  });
});

function DateErrors(props: { values: string[] }) {
  const dateError = useDateError();
  const range = { min: '2026-01-01', max: '2026-03-31' };
  return (
    <ul>
      {props.values.map(value => (
        <li key={value}>{`${value}: ${dateError(value, range) ?? 'fine'}`}</li>
      ))}
    </ul>
  );
}

describe('useDateError', () => {
  it('says what is wrong with a day, if anything', async () => {
    await renderInTestApp(
      <DateErrors
        values={['2026-02-30', '2025-12-31', '2026-04-01', '2026-03-31']}
      />,
    );

    expect(
      screen.getAllByRole('listitem').map(item => item.textContent),
    ).toEqual([
      '2026-02-30: Enter a date (YYYY-MM-DD).',
      '2025-12-31: Choose 2026-01-01 or later.',
      '2026-04-01: Choose 2026-03-31 or earlier.',
      '2026-03-31: fine',
    ]);
  });
});
