import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { Backup, TargetStatus } from '@fdp/plugin-backups-common';
import { BackupsApi } from './BackupsApi';
import type { PolicySummary, TargetSummary } from './types';

/**
 * {@link BackupsApi} over the backend's REST API, with the user's Backstage
 * token (added by the fetch API).
 *
 * @public
 */
export class BackupsClient implements BackupsApi {
  private readonly discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>;
  private readonly fetchApi: Pick<FetchApi, 'fetch'>;

  constructor(options: {
    discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>;
    fetchApi: Pick<FetchApi, 'fetch'>;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  listTargets(
    query: { status?: TargetStatus[] } = {},
  ): Promise<TargetSummary[]> {
    const status = query.status?.join(',');
    return this.request(
      status
        ? `/targets?${new URLSearchParams({ status }).toString()}`
        : '/targets',
    );
  }

  getTarget(name: string): Promise<TargetSummary> {
    return this.request(`/targets/${encodeURIComponent(name)}`);
  }

  getBackups(name: string): Promise<Backup[]> {
    return this.request(`/targets/${encodeURIComponent(name)}/backups`);
  }

  listPolicies(): Promise<PolicySummary[]> {
    return this.request('/policy');
  }

  private async request<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('backups');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
