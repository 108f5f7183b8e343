import { act, screen, within } from '@testing-library/react';
import { ClusterOverview } from './ClusterOverview';
import { FakeClusterHealthApi } from '../../__testUtils__/fakes';
import { aiInferencePool, prodCluster } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/render';

describe('ClusterOverview live updates', () => {
  it('refetches when a cluster-health signal arrives', async () => {
    const api = new FakeClusterHealthApi({ clusters: [prodCluster] });
    const { signals } = renderWithApis(<ClusterOverview />, { api });

    const ai = await screen.findByTestId('pool-ai-inference');
    expect(within(ai).getByText('Critical')).toBeInTheDocument();
    expect(api.getClusters).toHaveBeenCalledTimes(1);

    api.clusters = [
      {
        ...prodCluster,
        status: 'healthy',
        reasons: [],
        nodePools: [{ ...aiInferencePool, status: 'healthy', reasons: [] }],
      },
    ];
    act(() =>
      signals.publish('cluster-health', {
        type: 'snapshot-changed',
        cluster: 'prod-eu',
        pools: ['ai-inference'],
        status: 'healthy',
        stale: false,
      }),
    );

    expect(
      await within(screen.getByTestId('pool-ai-inference')).findByText(
        'Healthy',
        {},
        { timeout: 3000 },
      ),
    ).toBeInTheDocument();
    expect(api.getClusters).toHaveBeenCalledTimes(2);
    expect(screen.queryByText('CPU critical')).not.toBeInTheDocument();
  });
});
