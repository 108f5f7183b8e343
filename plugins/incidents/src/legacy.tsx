import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { IncidentsClient, incidentsApiRef } from './api';
import {
  incidentRouteRef,
  onCallRouteRef,
  rootRouteRef,
  statsRouteRef,
} from './routes';
import { compatWrapper } from '@backstage/core-compat-api';

/**
 * The incidents plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const incidentsLegacyPlugin = createPlugin({
  id: 'incidents',
  apis: [
    createApiFactory({
      api: incidentsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new IncidentsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    incident: incidentRouteRef,
    onCall: onCallRouteRef,
    stats: statsRouteRef,
  },
});

/**
 * The incidents page with its header (legacy apps), e.g.
 * `<Route path="/incidents" element={<IncidentsPage />} />`.
 *
 * @public
 */
export const IncidentsPage = incidentsLegacyPlugin.provide(
  createRoutableExtension({
    name: 'IncidentsPage',
    component: () =>
      import('./components/IncidentsPage').then(
        m => () => compatWrapper(<m.LegacyIncidentsPage />),
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * A component's open incidents as a card (legacy apps), with a button to
 * open one.
 *
 * @public
 */
export const EntityIncidentsCard = incidentsLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityIncidentsCard',
    component: {
      lazy: () =>
        import('./components/EntityIncidentsCard').then(
          m => () => compatWrapper(<m.EntityIncidentsCard />),
        ),
    },
  }),
);
