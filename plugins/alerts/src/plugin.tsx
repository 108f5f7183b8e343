import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import NotificationsActiveIcon from '@material-ui/icons/NotificationsActive';
import { AlertsClient, alertsApiRef } from './api';
import { isAlertsAvailable } from './filters';
import { rootRouteRef, rulesRouteRef, silencesRouteRef } from './routes';

/** `api:alerts` */
export const alertsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: alertsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AlertsClient({ discoveryApi, fetchApi }),
    }),
});

/** `page:alerts`: alerts, with silences at `silences` and rules at `rules`. */
export const alertsPage = PageBlueprint.make({
  params: {
    path: '/alerts',
    title: 'Alerts',
    icon: <NotificationsActiveIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
    loader: () => import('./components/AlertsPage').then(m => <m.AlertsPage />),
  },
});

/** `entity-card:alerts/alerts`: the entity's alerts on its overview. */
export const alertsEntityCard = EntityCardBlueprint.make({
  name: 'alerts',
  params: {
    type: 'content',
    // entities with an annotation that ties alerts to them
    filter: isAlertsAvailable,
    loader: () =>
      import('./components/EntityAlertsCard').then(m => <m.EntityAlertsCard />),
  },
});

/**
 * The alerts plugin for the new frontend system.
 *
 * @public
 */
export const alertsPlugin = createFrontendPlugin({
  pluginId: 'alerts',
  title: 'Alerts',
  icon: <NotificationsActiveIcon fontSize="inherit" />,
  routes: {
    root: rootRouteRef,
    silences: silencesRouteRef,
    rules: rulesRouteRef,
  },
  extensions: [alertsApi, alertsPage, alertsEntityCard],
});
