import { developmentSignIn } from './auth/developmentSignIn';
import { cachingPermissionsServiceFactory } from './permissions/CachingPermissionsService';
import { permissionPolicyModule } from './permissions/policyModule';

/** Everything the portal's backend runs, in one list (also used by tests). */
export const features = [
  import('@backstage/plugin-app-backend'),
  import('@backstage/plugin-proxy-backend'),

  // auth: OIDC in production (app-config.production.yaml); guest and test
  // users only where configured (app-config.development.yaml)
  import('@backstage/plugin-auth-backend'),
  import('@backstage/plugin-auth-backend-module-oidc-provider'),
  developmentSignIn,

  // catalog
  import('@backstage/plugin-catalog-backend'),
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
  import('@backstage/plugin-catalog-backend-module-logs'),

  // scaffolder
  import('@backstage/plugin-scaffolder-backend'),
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
  // render, lint, apply, publish locally, register (+ file locations in the catalog)
  import('@fdp/plugin-scaffolder-backend-module-platform'),

  // permissions, with the portal's own policy
  import('@backstage/plugin-permission-backend'),
  permissionPolicyModule,
  // ALLOW decisions remembered 10 s per principal, for every plugin
  cachingPermissionsServiceFactory,

  // search (Postgres engine in production, Lunr in memory otherwise)
  import('@backstage/plugin-search-backend'),
  import('@backstage/plugin-search-backend-module-pg'),
  import('@backstage/plugin-search-backend-module-catalog'),

  // the official kubernetes backend, served from the shared informer cache
  import('@backstage/plugin-kubernetes-backend'),
  import('@fdp/plugin-kubernetes-backend-module-informer-cache'),

  // the portal's operational views
  import('@fdp/plugin-cluster-health-backend'),
  import('@fdp/plugin-alerts-backend'),
  import('@fdp/plugin-incidents-backend'),
  import('@fdp/plugin-backups-backend'),

  import('@backstage/plugin-user-settings-backend'),

  // notifications and live updates
  import('@backstage/plugin-notifications-backend'),
  import('@backstage/plugin-signals-backend'),
  // event bus shared by replicas (catalog and signals subscribe to it)
  import('@backstage/plugin-events-backend'),
];
