import { render } from '@testing-library/react';
import { ReadinessIcon } from './ReadinessIcon';

describe('ReadinessIcon', () => {
  it('is decorative and follows the text colour', () => {
    const { container } = render(<ReadinessIcon />);

    const svg = container.querySelector('svg')!;
    expect(svg).toHaveAttribute('aria-hidden', 'true');
    expect(svg).toHaveAttribute('stroke', 'currentColor');
  });
});
