import { render, screen } from '@testing-library/react';
import { ScoreMeter } from './ScoreMeter';

describe('ScoreMeter', () => {
  it('is a meter from 0 to 100 with a text value, clamped', () => {
    render(<ScoreMeter score={120} label="Score" valueText="120 / 100" />);

    const meter = screen.getByRole('meter', { name: 'Score' });
    expect(meter).toHaveAttribute('aria-valuemin', '0');
    expect(meter).toHaveAttribute('aria-valuemax', '100');
    expect(meter).toHaveAttribute('aria-valuenow', '100');
    expect(meter).toHaveAttribute('aria-valuetext', '120 / 100');
  });
});
