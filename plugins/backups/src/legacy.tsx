import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { BackupsClient, backupsApiRef } from './api';
import { rootRouteRef, targetRouteRef } from './routes';
import { compatWrapper } from '@backstage/core-compat-api';

/**
 * The backups plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const backupsLegacyPlugin = createPlugin({
  id: 'backups',
  apis: [
    createApiFactory({
      api: backupsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new BackupsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    target: targetRouteRef,
  },
});

/**
 * The backups page with its header (legacy apps), e.g.
 * `<Route path="/backups" element={<BackupsPage />} />`.
 *
 * @public
 */
export const BackupsPage = backupsLegacyPlugin.provide(
  createRoutableExtension({
    name: 'BackupsPage',
    component: () =>
      import('./components/BackupsPage').then(
        m => () => compatWrapper(<m.LegacyBackupsPage />),
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The entity's backup targets as a card (legacy apps); show it for entities
 * where `isBackupsAvailable` is true.
 *
 * @public
 */
export const EntityBackupsCard = backupsLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityBackupsCard',
    component: {
      lazy: () =>
        import('./components/EntityBackupsCard').then(
          m => () => compatWrapper(<m.EntityBackupsCard />),
        ),
    },
  }),
);
