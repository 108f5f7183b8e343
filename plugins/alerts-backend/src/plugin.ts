import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { EntityResolver } from '@fdp/platform-node';
import {
  ALERTS_SIGNAL_CHANNEL,
  alertsPermissions,
} from '@fdp/plugin-alerts-common';
import { readAlertsConfig } from './config';
import { AlertsService } from './service/AlertsService';
import { createRouter } from './service/router';

/**
 * Alerts (plugin id `alerts`): normalised alerts, rules and silences from the
 * configured Prometheus and Alertmanager instances under /api/alerts, and an
 * `alerts` signal whenever the set of alerts or their states change.
 */
export const alertsPlugin = createBackendPlugin({
  pluginId: 'alerts',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        signals: signalsServiceRef,
      },
      async init(deps) {
        const config = readAlertsConfig(deps.config, m => deps.logger.warn(m));
        deps.permissionsRegistry.addPermissions(alertsPermissions);
        const service = AlertsService.create({
          config,
          catalog: deps.catalog,
          auth: deps.auth,
          logger: deps.logger,
        });
        deps.httpRouter.use(
          await createRouter({
            service,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            auditor: deps.auditor,
            entities: EntityResolver.create({ catalog: deps.catalog }),
          }),
        );

        // Signals reach the browsers connected to this instance: every
        // instance polls its sources for itself (scope local).
        let lastKey: string | undefined;
        await deps.scheduler.scheduleTask({
          id: 'alerts-change-poll',
          scope: 'local',
          frequency: { milliseconds: config.pollIntervalMs },
          timeout: { milliseconds: Math.max(30_000, config.pollIntervalMs) },
          fn: async () => {
            try {
              const key = await service.stateKey();
              if (lastKey !== undefined && key !== lastKey) {
                await deps.signals.publish({
                  recipients: { type: 'broadcast' },
                  channel: ALERTS_SIGNAL_CHANNEL,
                  message: { type: 'alerts-changed', changed: 1 },
                });
              }
              lastKey = key;
            } catch (error) {
              deps.logger.debug(`alert change poll failed: ${error}`);
            }
          },
        });
      },
    });
  },
});
