import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  CLUSTER_HEALTH_SIGNAL_CHANNEL,
  clusterHealthPermissions,
} from '@fdp/plugin-cluster-health-common';
import { EntityResolver } from '@fdp/platform-node';
import { kubernetesInformerCacheServiceRef } from '@fdp/plugin-kubernetes-informer-cache-node';
import { readClusterHealthConfig } from './config';
import { ClusterHealthService } from './service/ClusterHealthService';
import { createRouter } from './service/router';

/**
 * Cluster and node-pool health: REST under /api/cluster-health and a signal
 * on channel `cluster-health` whenever a cluster's snapshot changes.
 */
export const clusterHealthPlugin = createBackendPlugin({
  pluginId: 'cluster-health',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
        signals: signalsServiceRef,
        cache: kubernetesInformerCacheServiceRef,
      },
      async init(deps) {
        const { logger, signals } = deps;
        deps.permissionsRegistry.addPermissions(clusterHealthPermissions);
        const service = ClusterHealthService.create({
          cache: deps.cache,
          config: readClusterHealthConfig(deps.config, m => logger.warn(m)),
          logger,
          onChange: message => {
            signals
              .publish({
                recipients: { type: 'broadcast' },
                channel: CLUSTER_HEALTH_SIGNAL_CHANNEL,
                message: { ...message },
              })
              .catch(error =>
                logger.warn(
                  `Failed to publish cluster-health signal: ${error}`,
                ),
              );
          },
        });
        service.start();
        deps.lifecycle.addShutdownHook(() => service.stop());
        deps.httpRouter.use(
          await createRouter({
            service,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            entities: EntityResolver.create({ catalog: deps.catalog }),
          }),
        );
      },
    });
  },
});
