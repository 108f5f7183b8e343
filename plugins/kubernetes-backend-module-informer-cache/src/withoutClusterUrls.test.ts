import { mockServices } from '@backstage/backend-test-utils';
import type {
  ClusterDetails,
  KubernetesFetcher,
  ObjectFetchParams,
} from '@backstage/plugin-kubernetes-node';
import { withoutClusterUrls } from './withoutClusterUrls';

const cluster = { name: 'fdp-cluster', url: 'https://10.0.0.1:6443' };

function fetchError(message: string): Error {
  const e = new Error(message);
  e.name = 'FetchError';
  return e;
}

function failing(error: Error): KubernetesFetcher {
  return {
    fetchObjectsForService: async () => {
      throw error;
    },
    fetchPodMetricsByNamespaces: async () => {
      throw error;
    },
  };
}

describe('withoutClusterUrls', () => {
  it('takes the cluster URL out of a FetchError and logs the original', async () => {
    const logger = mockServices.logger.mock();
    const fetcher = withoutClusterUrls(
      failing(
        fetchError(
          'Invalid response body while trying to fetch https://10.0.0.1:6443/apis/autoscaling.k8s.io/v1/verticalpodautoscalers: socket hang up',
        ),
      ),
      logger,
    );
    const params = { clusterDetails: cluster } as ObjectFetchParams;
    const error = await fetcher.fetchObjectsForService(params).catch(e => e);
    expect(error.name).toBe('FetchError');
    expect(error.message).toBe(
      'Invalid response body while trying to fetch /apis/autoscaling.k8s.io/v1/verticalpodautoscalers: socket hang up',
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('https://10.0.0.1:6443/apis/autoscaling.k8s.io'),
    );

    const metrics = await fetcher
      .fetchPodMetricsByNamespaces(
        cluster as ClusterDetails,
        { type: 'anonymous' },
        new Set(['trading']),
      )
      .catch(e => e);
    expect(metrics.message).not.toContain('10.0.0.1');
  });

  it('passes answers and other errors through unchanged', async () => {
    const other = new TypeError('https://10.0.0.1:6443 is not a FetchError');
    const fetcher = withoutClusterUrls(
      failing(other),
      mockServices.logger.mock(),
    );
    await expect(
      fetcher.fetchObjectsForService({
        clusterDetails: cluster,
      } as ObjectFetchParams),
    ).rejects.toBe(other);

    const answer = { errors: [], responses: [] };
    const ok = withoutClusterUrls(
      {
        fetchObjectsForService: async () => answer,
        fetchPodMetricsByNamespaces: async () => answer,
      },
      mockServices.logger.mock(),
    );
    await expect(
      ok.fetchObjectsForService({
        clusterDetails: cluster,
      } as ObjectFetchParams),
    ).resolves.toBe(answer);
  });
});
