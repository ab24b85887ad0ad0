import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { rootRouteRef } from '../routes';
import { readinessPageQuery } from './readinessPageParams';
import { useReadinessPageLink } from './useReadinessPageLink';

function LinkText() {
  const link = useReadinessPageLink()({
    tab: 'leaderboard',
    scorecard: 'api-quality',
    group: undefined,
  });
  return <span>{link ?? 'no link'}</span>;
}

describe('readinessPageQuery', () => {
  it('keeps the parameters that are set, encoded', () => {
    expect(readinessPageQuery({ scorecard: 'a b', tag: undefined })).toBe(
      '?scorecard=a+b',
    );
    expect(readinessPageQuery({})).toBe('');
  });
});

describe('useReadinessPageLink', () => {
  it('links to a view of the readiness page where the app mounts it', async () => {
    await renderInTestApp(<LinkText />, {
      mountedRoutes: { '/scores': rootRouteRef },
    });

    expect(
      screen.getByText('/scores?tab=leaderboard&scorecard=api-quality'),
    ).toBeInTheDocument();
  });

  it('gives no link when the app does not mount the page', async () => {
    await renderInTestApp(<LinkText />);

    expect(screen.getByText('no link')).toBeInTheDocument();
  });
});
