import { screen, within } from '@testing-library/react';
import { HomePageClusterHealth } from './HomePageClusterHealth';
import { FakeClusterHealthApi } from '../../__testUtils__/fakes';
import { prodCluster, staleCluster } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';

describe('HomePageClusterHealth', () => {
  it('shows the worst status per cluster and a line per pool', async () => {
    renderWithApis(<HomePageClusterHealth />, {
      api: new FakeClusterHealthApi({
        clusters: [prodCluster, { ...staleCluster, status: 'healthy' }],
      }),
    });

    const prod = await screen.findByTestId('home-cluster-prod-eu');
    const ai = within(prod).getByTestId('home-pool-prod-eu-ai-inference');
    expect(within(ai).getByText('Critical')).toBeInTheDocument();
    // the top reason only
    expect(ai).toHaveTextContent('CPU critical: CPU at 88% (critical ≥ 85%)');
    expect(ai).not.toHaveTextContent('Pods pending');
    expect(
      within(prod).getByTestId('home-pool-prod-eu-data-processing'),
    ).toHaveTextContent(
      'Warningdata-processingMemory high: Memory at 78% (warning ≥ 75%)',
    );

    const dr = screen.getByTestId('home-cluster-dr-us');
    expect(dr).toHaveTextContent(/Data is stale since 2026-11-21 23:50 UTC/);
    expect(
      screen.getByRole('link', { name: 'Open cluster health' }),
    ).toHaveAttribute('href', '/cluster-health');
    expect(within(prod).getByRole('link', { name: 'general' })).toHaveAttribute(
      'href',
      '/cluster-health/prod-eu/pools/general',
    );
  });
});
