import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  ClusterSummary,
  DeploymentHistoryResponse,
  NodePoolSummary,
  NodeRow,
  WorkloadsResponse,
} from '@fdp/plugin-cluster-health-common';
import { ClusterHealthApi } from './ClusterHealthApi';

/**
 * {@link ClusterHealthApi} over the backend's REST API, with the user's
 * Backstage token (added by the fetch API).
 *
 * @public
 */
export class ClusterHealthClient implements ClusterHealthApi {
  private readonly discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>;
  private readonly fetchApi: Pick<FetchApi, 'fetch'>;

  constructor(options: {
    discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>;
    fetchApi: Pick<FetchApi, 'fetch'>;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getClusters(): Promise<ClusterSummary[]> {
    return this.get('/clusters');
  }

  getNodePools(cluster: string): Promise<NodePoolSummary[]> {
    return this.get(`/clusters/${encodeURIComponent(cluster)}/node-pools`);
  }

  getNodes(cluster: string, pool: string): Promise<NodeRow[]> {
    return this.get(
      `/clusters/${encodeURIComponent(cluster)}/node-pools/${encodeURIComponent(
        pool,
      )}/nodes`,
    );
  }

  getWorkloads(entityRef: string): Promise<WorkloadsResponse> {
    const query = new URLSearchParams({ entityRef });
    return this.get(`/workloads?${query}`);
  }

  getDeploymentHistory(entityRef: string): Promise<DeploymentHistoryResponse> {
    const query = new URLSearchParams({ entityRef });
    return this.get(`/deployments/history?${query}`);
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('cluster-health');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
