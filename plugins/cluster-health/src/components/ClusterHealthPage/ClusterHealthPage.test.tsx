import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResponseError } from '@backstage/errors';
import { ClusterHealthPage } from './ClusterHealthPage';
import { FakeClusterHealthApi } from '../../__testUtils__/fakes';
import {
  aiInferencePool,
  clusters,
  nodes,
  prodCluster,
  staleCluster,
} from '../../__testUtils__/fixtures';
import { createFormatters } from '@fdp/live-data-react';
import { renderWithApis } from '../../__testUtils__/render';

function renderPage(api: FakeClusterHealthApi, path = '/cluster-health') {
  return renderWithApis(<ClusterHealthPage />, {
    api,
    mountPath: '/cluster-health/*',
    initialRouteEntries: [path],
  });
}

describe('ClusterHealthPage overview', () => {
  it('shows every pool of every cluster with status, size and reasons', async () => {
    renderPage(new FakeClusterHealthApi({ clusters }));

    const general = await screen.findByTestId('pool-general');
    const ai = screen.getByTestId('pool-ai-inference');
    const data = screen.getByTestId('pool-data-processing');

    expect(within(general).getByText('Healthy')).toBeInTheDocument();
    expect(
      within(general).getByText('3 of 3..10, can add 7'),
    ).toBeInTheDocument();
    expect(
      within(general).getByText('c5.2xlarge · configured'),
    ).toBeInTheDocument();
    expect(
      within(general).getByText(
        '3 ready · 0 not ready · 0 cordoned · 0 under pressure',
      ),
    ).toBeInTheDocument();

    expect(within(ai).getByText('Critical')).toBeInTheDocument();
    expect(within(ai).getByText('CPU critical')).toBeInTheDocument();
    expect(
      within(ai).getByText(': CPU at 88% (critical ≥ 85%)', { exact: false }),
    ).toBeInTheDocument();
    expect(within(ai).getByText('5 of 2..5, at maximum')).toBeInTheDocument();
    expect(
      within(ai).getByText(/5 requested of\s+5 allocatable/),
    ).toBeInTheDocument();
    // CPU above the critical mark, with marks drawn at the default thresholds
    const cpu = within(ai).getByTestId('gauge-cpu');
    expect(within(cpu).getByRole('meter')).toHaveAttribute(
      'aria-valuenow',
      '88',
    );
    expect(within(cpu).getByTestId('critical-mark')).toHaveStyle({
      left: '85%',
    });
    expect(within(cpu).getByTestId('warning-mark')).toHaveStyle({
      left: '70%',
    });

    expect(within(data).getByText('Warning')).toBeInTheDocument();
    expect(within(data).getByText('Memory high')).toBeInTheDocument();

    expect(
      within(ai).getByRole('link', { name: 'ai-inference' }),
    ).toHaveAttribute('href', '/cluster-health/prod-eu/pools/ai-inference');
    expect(screen.queryByText(/Data is stale/)).not.toBeInTheDocument();
  });

  it('shows a banner for a stale cluster and keeps its data', async () => {
    renderPage(
      new FakeClusterHealthApi({ clusters: [prodCluster, staleCluster] }),
    );
    const banner = await screen.findByTestId('stale-dr-us');
    expect(banner).toHaveTextContent(
      `Data is stale since ${createFormatters('en').dateTime(
        staleCluster.lastSyncAt,
      )}: connect ECONNREFUSED 10.0.0.12:443`,
    );
    const dr = screen.getByTestId('cluster-dr-us');
    expect(within(dr).getByTestId('pool-general')).toBeInTheDocument();
    expect(screen.queryByTestId('stale-prod-eu')).not.toBeInTheDocument();
  });

  it('shows an error panel when the clusters cannot be loaded', async () => {
    const api = new FakeClusterHealthApi({
      clusters: new Error('backend exploded'),
    });
    renderPage(api);
    expect(
      (await screen.findAllByText(/backend exploded/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByTestId('pool-general')).not.toBeInTheDocument();
  });

  it('shows how to configure clusters when there are none', async () => {
    renderPage(new FakeClusterHealthApi({ clusters: [] }));
    expect(
      await screen.findByText('No clusters configured'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/kubernetes\.clusterLocatorMethods/),
    ).toBeInTheDocument();
  });
});

describe('ClusterHealthPage pool page', () => {
  it('shows the pool summary and its nodes', async () => {
    const api = new FakeClusterHealthApi({
      pools: [aiInferencePool],
      nodes,
    });
    renderPage(api, '/cluster-health/prod-eu/pools/ai-inference');

    expect(
      await screen.findByText('prod-eu / ai-inference'),
    ).toBeInTheDocument();
    expect(api.getNodePools).toHaveBeenCalledWith('prod-eu');
    expect(api.getNodes).toHaveBeenCalledWith('prod-eu', 'ai-inference');
    expect(screen.getByText('Nodes (3)')).toBeInTheDocument();
    expect(screen.getByText('ip-10-0-1-5')).toBeInTheDocument();
    expect(screen.getByText(/^Nodes cordoned/)).toBeInTheDocument();
    // one line per node: the most severe reason, the rest on hover
    const row = screen.getByText('ip-10-0-1-5').closest('tr')!;
    const reasons = within(row).getByText(/^Memory critical/);
    expect(
      screen.queryByText('MemoryPressure True (KubeletHasInsufficientMemory)'),
    ).toBeNull();
    await userEvent.hover(reasons);
    expect(
      await screen.findByText(
        'MemoryPressure True (KubeletHasInsufficientMemory)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: '← All clusters' }),
    ).toHaveAttribute('href', '/cluster-health');
  });

  it("shows the stale banner of the pool's cluster", async () => {
    const api = new FakeClusterHealthApi({
      clusters: [staleCluster],
      pools: staleCluster.nodePools,
      nodes,
    });
    renderPage(api, '/cluster-health/dr-us/pools/general');
    expect(await screen.findByTestId('stale-dr-us')).toHaveTextContent(
      `Data is stale since ${createFormatters('en').dateTime(
        staleCluster.lastSyncAt,
      )}: connect ECONNREFUSED`,
    );
    expect(screen.getByText('dr-us / general')).toBeInTheDocument();
  });

  it('says so for an unknown cluster or pool', async () => {
    const notFound = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'NotFoundError', message: 'Unknown cluster nope' },
          response: { statusCode: 404 },
        }),
        { status: 404, headers: { 'Content-Type': 'application/json' } },
      ) as any,
    );
    const api = new FakeClusterHealthApi({ pools: notFound, nodes: notFound });
    renderPage(api, '/cluster-health/nope/pools/general');
    expect(
      await screen.findByText('Unknown cluster or pool'),
    ).toBeInTheDocument();
  });

  it('says so when the cluster exists but the pool does not', async () => {
    const api = new FakeClusterHealthApi({
      pools: [aiInferencePool],
      nodes: [],
    });
    renderPage(api, '/cluster-health/prod-eu/pools/gone');
    expect(
      await screen.findByText('Unknown cluster or pool'),
    ).toBeInTheDocument();
  });

  it('sorts the nodes table', async () => {
    const api = new FakeClusterHealthApi({ pools: [aiInferencePool], nodes });
    renderPage(api, '/cluster-health/prod-eu/pools/ai-inference');
    await screen.findByText('Nodes (3)');

    const names = () =>
      screen
        .getAllByRole('row')
        .slice(1)
        .map(row => within(row).getAllByRole('cell')[0].textContent);

    const sortButton = (column: string) =>
      within(screen.getByRole('columnheader', { name: column })).getAllByRole(
        'button',
      )[0];

    // by name by default
    await waitFor(() =>
      expect(names()).toEqual(['ip-10-0-1-12', 'ip-10-0-1-30', 'ip-10-0-1-5']),
    );
    await userEvent.click(sortButton('CPU'));
    await waitFor(() =>
      expect(names()).toEqual(['ip-10-0-1-30', 'ip-10-0-1-5', 'ip-10-0-1-12']),
    );
    await userEvent.click(sortButton('Memory'));
    await waitFor(() =>
      expect(names()).toEqual(['ip-10-0-1-30', 'ip-10-0-1-12', 'ip-10-0-1-5']),
    );
  });
});
