import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import BackupIcon from '@material-ui/icons/Backup';
import { BackupsClient, backupsApiRef } from './api';
import { BACKUP_TARGETS_ANNOTATION } from './annotation';
import { rootRouteRef, targetRouteRef } from './routes';

/** `api:backups` */
export const backupsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: backupsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new BackupsClient({ discoveryApi, fetchApi }),
    }),
});

/** `page:backups`: every target, a target's detail at `:name`. */
export const backupsPage = PageBlueprint.make({
  params: {
    path: '/backups',
    title: 'Backups',
    icon: <BackupIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/BackupsPage').then(m => <m.BackupsPage />),
  },
});

/** `entity-card:backups/backups`: the entity's backup targets. */
export const backupsEntityCard = EntityCardBlueprint.make({
  name: 'backups',
  params: {
    type: 'content',
    filter: {
      [`metadata.annotations.${BACKUP_TARGETS_ANNOTATION}`]: { $exists: true },
    },
    loader: () =>
      import('./components/EntityBackupsCard').then(m => (
        <m.EntityBackupsCard />
      )),
  },
});

/**
 * The backups plugin for the new frontend system.
 *
 * @public
 */
export const backupsPlugin = createFrontendPlugin({
  pluginId: 'backups',
  title: 'Backups',
  icon: <BackupIcon fontSize="inherit" />,
  routes: {
    root: rootRouteRef,
    target: targetRouteRef,
  },
  extensions: [backupsApi, backupsPage, backupsEntityCard],
});
