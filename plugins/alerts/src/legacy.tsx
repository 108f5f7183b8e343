import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { AlertsClient, alertsApiRef } from './api';
import { rootRouteRef, rulesRouteRef, silencesRouteRef } from './routes';

/**
 * The alerts plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const alertsLegacyPlugin = createPlugin({
  id: 'alerts',
  apis: [
    createApiFactory({
      api: alertsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AlertsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    silences: silencesRouteRef,
    rules: rulesRouteRef,
  },
});

/**
 * The alerts page with its header (legacy apps), e.g.
 * `<Route path="/alerts" element={<AlertsPage />} />`.
 *
 * @public
 */
export const AlertsPage = alertsLegacyPlugin.provide(
  createRoutableExtension({
    name: 'AlertsPage',
    component: () =>
      import('./components/AlertsPage').then(m => m.LegacyAlertsPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The entity's alerts as a card (legacy apps); show it for entities where
 * `isAlertsAvailable` is true.
 *
 * @public
 */
export const EntityAlertsCard = alertsLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityAlertsCard',
    component: {
      lazy: () =>
        import('./components/EntityAlertsCard').then(m => m.EntityAlertsCard),
    },
  }),
);
