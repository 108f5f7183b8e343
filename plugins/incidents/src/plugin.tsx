import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import ReportProblemIcon from '@material-ui/icons/ReportProblem';
import { IncidentsClient, incidentsApiRef } from './api';
import {
  incidentRouteRef,
  onCallRouteRef,
  rootRouteRef,
  statsRouteRef,
} from './routes';

/** `api:incidents` */
export const incidentsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: incidentsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new IncidentsClient({ discoveryApi, fetchApi }),
    }),
});

/** `page:incidents`: the list, an incident at `:id`, `on-call` and `stats`. */
export const incidentsPage = PageBlueprint.make({
  params: {
    path: '/incidents',
    title: 'Incidents',
    icon: <ReportProblemIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/IncidentsPage').then(m => <m.IncidentsPage />),
  },
});

/** `entity-card:incidents/incidents`: a component's open incidents on its overview. */
export const incidentsEntityCard = EntityCardBlueprint.make({
  name: 'incidents',
  params: {
    type: 'content',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityIncidentsCard').then(m => (
        <m.EntityIncidentsCard />
      )),
  },
});

/**
 * The incidents plugin for the new frontend system.
 *
 * @public
 */
export const incidentsPlugin = createFrontendPlugin({
  pluginId: 'incidents',
  title: 'Incidents',
  icon: <ReportProblemIcon fontSize="inherit" />,
  routes: {
    root: rootRouteRef,
    incident: incidentRouteRef,
    onCall: onCallRouteRef,
    stats: statsRouteRef,
  },
  extensions: [incidentsApi, incidentsPage, incidentsEntityCard],
});
