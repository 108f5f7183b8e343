import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  AlertsResponse,
  CreateSilenceRequest,
  RulesResponse,
  Silence,
  SilencesResponse,
} from '@fdp/plugin-alerts-common';
import { AlertsApi, AlertsQuery } from './AlertsApi';

/**
 * {@link AlertsApi} over the backend's REST API, with the user's Backstage
 * token (added by the fetch API).
 *
 * @public
 */
export class AlertsClient implements AlertsApi {
  private readonly discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>;
  private readonly fetchApi: Pick<FetchApi, 'fetch'>;

  constructor(options: {
    discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>;
    fetchApi: Pick<FetchApi, 'fetch'>;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getAlerts(query: AlertsQuery = {}): Promise<AlertsResponse> {
    const params = new URLSearchParams();
    for (const key of ['entityRef', 'priority', 'state', 'receiver'] as const) {
      const value = query[key];
      if (value) {
        params.set(key, value);
      }
    }
    const search = params.toString();
    const response = await this.request(
      search ? `/alerts?${search}` : '/alerts',
    );
    return (await response.json()) as AlertsResponse;
  }

  async getRules(): Promise<RulesResponse> {
    const response = await this.request('/rules');
    return (await response.json()) as RulesResponse;
  }

  async getSilences(): Promise<SilencesResponse> {
    const response = await this.request('/silences');
    return (await response.json()) as SilencesResponse;
  }

  async createSilence(request: CreateSilenceRequest): Promise<Silence> {
    const response = await this.request('/silences', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    return (await response.json()) as Silence;
  }

  async expireSilence(id: string, source?: string): Promise<void> {
    const query = source ? `?${new URLSearchParams({ source })}` : '';
    await this.request(`/silences/${encodeURIComponent(id)}${query}`, {
      method: 'DELETE',
    });
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('alerts');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      ...init,
      headers: { Accept: 'application/json', ...(init?.headers as object) },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
