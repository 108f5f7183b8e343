import { createApiRef } from '@backstage/frontend-plugin-api';
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

/**
 * The incidents backend's REST API (`/api/incidents`). Every method rejects
 * with a `ResponseError` when the backend refuses (400, 403, 404, 409).
 *
 * @public
 */
export interface IncidentsApi {
  /** The configured levels with their SLA windows and escalation chains. */
  getLevels(): Promise<LevelsResponse>;
  /** One page of incidents, open first; pass `nextCursor` as `cursor` for the next. */
  listIncidents(query?: ListIncidentsQuery): Promise<IncidentListResponse>;
  getIncident(id: string): Promise<IncidentDetailsResponse>;
  createIncident(request: CreateIncidentRequest): Promise<Incident>;
  /** Rejects with a 409 `ResponseError` when `version` is stale. */
  updateIncident(id: string, request: UpdateIncidentRequest): Promise<Incident>;
  transition(id: string, request: TransitionRequest): Promise<Incident>;
  addNote(id: string, text: string): Promise<TimelineEntry>;
  getStats(window: StatsWindow): Promise<IncidentStats>;
}

/** @public */
export const incidentsApiRef = createApiRef<IncidentsApi>().with({
  id: 'plugin.incidents.service',
  pluginId: 'incidents',
});
