/**
 * Incidents: the incidents page with live SLA clocks and escalation, the
 * incident detail with the response procedure and post-mortem, on-call and
 * statistics views, an entity card and a home card.
 *
 * @packageDocumentation
 */
import { incidentsPlugin } from './plugin';

export default incidentsPlugin;

export {
  incidentsPlugin,
  incidentsApi,
  incidentsPage,
  incidentsEntityCard,
} from './plugin';
export {
  incidentsLegacyPlugin,
  IncidentsPage,
  EntityIncidentsCard,
} from './legacy';
export { IncidentsClient, incidentsApiRef } from './api';
export type { IncidentsApi } from './api';
export {
  rootRouteRef,
  incidentRouteRef,
  onCallRouteRef,
  statsRouteRef,
} from './routes';
export { incidentsTranslationRef } from './translation';
