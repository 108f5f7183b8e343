import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  CreateIncidentRequest,
  Incident,
  IncidentDetailsResponse,
  IncidentListResponse,
  IncidentStats,
  LevelsResponse,
  ListIncidentsQuery,
  StatsWindow,
  TimelineEntry,
  TransitionRequest,
  UpdateIncidentRequest,
} from '@fdp/plugin-incidents-common';
import { IncidentsApi } from './IncidentsApi';

/**
 * {@link IncidentsApi} over the backend's REST API, with the user's Backstage
 * token (added by the fetch API).
 *
 * @public
 */
export class IncidentsClient implements IncidentsApi {
  private readonly discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>;
  private readonly fetchApi: Pick<FetchApi, 'fetch'>;

  constructor(options: {
    discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>;
    fetchApi: Pick<FetchApi, 'fetch'>;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getLevels(): Promise<LevelsResponse> {
    return this.request('/levels');
  }

  listIncidents(query: ListIncidentsQuery = {}): Promise<IncidentListResponse> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') {
        params.set(key, String(value));
      }
    }
    const search = params.toString();
    return this.request(search ? `/incidents?${search}` : '/incidents');
  }

  getIncident(id: string): Promise<IncidentDetailsResponse> {
    return this.request(`/incidents/${encodeURIComponent(id)}`);
  }

  createIncident(request: CreateIncidentRequest): Promise<Incident> {
    return this.send('POST', '/incidents', request);
  }

  updateIncident(
    id: string,
    request: UpdateIncidentRequest,
  ): Promise<Incident> {
    return this.send('PATCH', `/incidents/${encodeURIComponent(id)}`, request);
  }

  transition(id: string, request: TransitionRequest): Promise<Incident> {
    return this.send(
      'POST',
      `/incidents/${encodeURIComponent(id)}/transitions`,
      request,
    );
  }

  addNote(id: string, text: string): Promise<TimelineEntry> {
    return this.send('POST', `/incidents/${encodeURIComponent(id)}/notes`, {
      text,
    });
  }

  getStats(window: StatsWindow): Promise<IncidentStats> {
    return this.request(`/stats?${new URLSearchParams({ window })}`);
  }

  private send<T>(method: string, path: string, body: unknown): Promise<T> {
    return this.request(path, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('incidents');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      ...init,
      headers: { Accept: 'application/json', ...(init?.headers as object) },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
