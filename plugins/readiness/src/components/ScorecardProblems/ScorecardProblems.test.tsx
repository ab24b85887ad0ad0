import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ScorecardProblems } from './ScorecardProblems';

const problem = (line: number) => ({
  source: 'teams.yaml',
  line,
  column: 3,
  path: '',
  message: 'not a scorecard',
});

describe('ScorecardProblems', () => {
  it('lists each problem where it is', async () => {
    await renderInTestApp(
      <ScorecardProblems problems={[problem(1), problem(9)]} />,
    );

    expect(
      screen.getByText('2 scorecard definitions were kept out'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('teams.yaml:9:3 not a scorecard'),
    ).toBeInTheDocument();
  });

  it('renders nothing without problems', async () => {
    const { container } = await renderInTestApp(
      <ScorecardProblems problems={[]} />,
    );

    expect(container).toBeEmptyDOMElement();
  });
});
