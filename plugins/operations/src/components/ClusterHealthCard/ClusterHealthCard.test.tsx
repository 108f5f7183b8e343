import { act, screen, waitFor } from '@testing-library/react';
import { CLUSTER_HEALTH_SIGNAL_CHANNEL } from '@fdp/plugin-cluster-health-common';
import { pending, renderWithApis } from '../../__testUtils__/render';
import { cluster, pool } from '../../__testUtils__/fixtures';
import { ClusterHealthCard } from './ClusterHealthCard';

const cpuCritical = {
  code: 'CPU_CRITICAL' as const,
  severity: 'critical' as const,
  message: 'CPU at 91% (critical ≥ 85%)',
};

describe('ClusterHealthCard', () => {
  it('shows progress while loading, never an empty box', async () => {
    await renderWithApis(<ClusterHealthCard />, {
      clusterHealth: { getClusters: pending },
    });
    expect(screen.getByTestId('clusterHealth-loading')).toHaveTextContent(
      'Loading cluster health…',
    );
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('says when no cluster is configured', async () => {
    await renderWithApis(<ClusterHealthCard />, {
      clusterHealth: { getClusters: async () => [] },
    });
    expect(
      await screen.findByText('No clusters configured'),
    ).toBeInTheDocument();
  });

  it('names the source on an error', async () => {
    await renderWithApis(<ClusterHealthCard />, {
      clusterHealth: {
        getClusters: async () => {
          throw new Error('503 Service Unavailable');
        },
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load cluster health: 503 Service Unavailable',
    );
  });

  it('shows the worst pool, why, and links to its page', async () => {
    await renderWithApis(<ClusterHealthCard />, {
      clusterHealth: {
        getClusters: async () => [
          cluster([
            pool('general', 'critical', [cpuCritical]),
            pool('ai-inference', 'warning'),
            pool('data', 'healthy'),
          ]),
        ],
      },
    });
    const worst = await screen.findByTestId('clusterHealth-worst');
    expect(worst).toHaveTextContent('prod / general — Critical');
    expect(worst).toHaveTextContent('CPU at 91% (critical ≥ 85%)');
    expect(
      screen.getByRole('link', { name: 'prod / general' }),
    ).toHaveAttribute('href', '/cluster-health/prod/pools/general');
    expect(
      screen.getByText('1 critical · 1 warning · 1 healthy pools'),
    ).toBeInTheDocument();
  });

  it('says all pools are healthy', async () => {
    await renderWithApis(<ClusterHealthCard />, {
      clusterHealth: {
        getClusters: async () => [cluster([pool('general', 'healthy')])],
      },
    });
    expect(
      await screen.findByText('All 1 node pools healthy'),
    ).toBeInTheDocument();
  });

  it('is stale when the cluster watch is broken, and when a refresh fails', async () => {
    const getClusters = jest
      .fn()
      .mockResolvedValueOnce([
        cluster([pool('general', 'healthy')], {
          stale: true,
          lastSyncAt: '2026-11-30T00:00:00Z',
        }),
      ])
      .mockRejectedValueOnce(new Error('timeout'));
    const { signals } = await renderWithApis(<ClusterHealthCard />, {
      clusterHealth: { getClusters },
    });
    expect(
      await screen.findByTestId('clusterHealth-cluster-stale'),
    ).toHaveTextContent(/^prod: data stale since 2026-11-30 \d\d:00$/);

    act(() =>
      signals.publish(CLUSTER_HEALTH_SIGNAL_CHANNEL, {
        type: 'snapshot-changed',
      }),
    );
    await waitFor(
      () =>
        expect(screen.getByTestId('clusterHealth-stale')).toHaveTextContent(
          'Could not refresh cluster health (timeout): showing the last data',
        ),
      { timeout: 3000 },
    );
    expect(screen.getByText('All 1 node pools healthy')).toBeInTheDocument();
  });
});
