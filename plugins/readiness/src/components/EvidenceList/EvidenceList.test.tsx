import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { minutesAgo } from '../../__testUtils__/fixtures';
import { EvidenceList } from './EvidenceList';

const observed = { source: 'github', observedAt: minutesAgo(120) };

describe('EvidenceList', () => {
  it('lists each fact with its value, source and age', async () => {
    await renderInTestApp(
      <EvidenceList
        evidence={[
          { fact: 'github.topics', value: ['java', 'payments'], ...observed },
          {
            fact: 'catalog.annotations',
            key: 'backstage.io/techdocs-ref',
            value: null,
            ...observed,
          },
          { fact: 'github.stars', value: 12, ...observed },
        ]}
      />,
    );

    const items = within(
      screen.getByRole('list', { name: 'Evidence' }),
    ).getAllByRole('listitem');
    expect(items.map(item => item.textContent)).toEqual([
      'github.topics = java, payments from github, observed 2 hours ago',
      'catalog.annotations[backstage.io/techdocs-ref] is not set from github, observed 2 hours ago',
      'github.stars = 12 from github, observed 2 hours ago',
    ]);
  });

  it('renders nothing without evidence', async () => {
    await renderInTestApp(<EvidenceList evidence={[]} />);

    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });
});
