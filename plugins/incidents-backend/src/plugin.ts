import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  INCIDENTS_SIGNAL_CHANNEL,
  incidentsPermissions,
  incidentUpdatePermission,
} from '@fdp/plugin-incidents-common';
import { readIncidentsConfig } from './config';
import { IncidentStore } from './database/IncidentStore';
import { EscalationTask } from './escalation/EscalationTask';
import { SlackNotifier } from './escalation/SlackNotifier';
import {
  incidentPermissionRules,
  incidentResourceRef,
} from './permissions/rules';
import { CatalogRefs } from './service/catalogRefs';
import { IncidentChange, IncidentsService } from './service/IncidentsService';
import { ListResponseCache } from './service/ListResponseCache';
import { createRouter, WEBHOOK_PATH } from './service/router';
import { AlertmanagerWebhook } from './webhook/AlertmanagerWebhook';

/** Incident ids; anything else names no incident (and must not reach PostgreSQL's uuid column). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How often escalations and breaches are checked (the shortest response time is minutes). */
const ESCALATION_FREQUENCY = { seconds: 30 };

/**
 * List pages are served from memory for 1 s: this process drops them on its
 * own changes, another replica's change shows after at most that second.
 */
const LIST_CACHE = { ttlMs: 1000, maxEntries: 200 };

/**
 * Incidents (plugin id `incidents`): REST under /api/incidents, the
 * Alertmanager webhook, and the escalation and breach task; every change
 * announced on the `incidents` signal channel.
 */
export const incidentsPlugin = createBackendPlugin({
  pluginId: 'incidents',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        signals: signalsServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const { logger } = deps;
        const config = readIncidentsConfig(deps.config);
        const store = await IncidentStore.create({ database: deps.database });
        deps.permissionsRegistry.addPermissions(incidentsPermissions);
        // lets a policy allow an incident's owner (a conditional decision)
        deps.permissionsRegistry.addResourceType({
          resourceRef: incidentResourceRef,
          permissions: [incidentUpdatePermission],
          rules: Object.values(incidentPermissionRules),
          getResources: async ids => {
            const uuids = ids.filter(id => UUID.test(id));
            const found = new Map(
              (await store.getMany(uuids)).map(i => [i.id, i]),
            );
            return ids.map(id => found.get(id.toLowerCase()));
          },
        });
        const catalogRefs = new CatalogRefs(deps.catalog);
        const listCache = new ListResponseCache(LIST_CACHE);
        const onChange = (incidentId: string, change: IncidentChange) => {
          listCache.invalidate();
          deps.signals
            .publish({
              recipients: { type: 'broadcast' },
              channel: INCIDENTS_SIGNAL_CHANNEL,
              message: { type: 'incident-changed', incidentId, change },
            })
            .catch(error =>
              logger.warn(`Failed to publish incidents signal: ${error}`),
            );
        };

        const service = IncidentsService.create({
          store,
          levels: config.levels,
          roles: config.roles,
          catalogRefs,
          onChange,
        });
        const webhook = new AlertmanagerWebhook({
          store,
          levels: config.levels,
          priorityLevels: config.priorityLevels,
          catalogRefs,
          auth: deps.auth,
          logger,
          onChange,
        });
        if (!config.webhookToken) {
          logger.warn(
            'incidents.webhook.token is not set: the Alertmanager webhook refuses every request',
          );
        }
        deps.httpRouter.addAuthPolicy({
          path: WEBHOOK_PATH,
          allow: 'unauthenticated',
        });
        deps.httpRouter.use(
          await createRouter({
            service,
            listCache,
            webhook,
            webhookToken: config.webhookToken,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            auditor: deps.auditor,
            isAllowed: createConditionAuthorizer(
              deps.permissionsRegistry.getPermissionRuleset(
                incidentResourceRef,
              ),
            ),
          }),
        );

        const escalation = new EscalationTask({
          store,
          levels: config.levels,
          roles: config.roles,
          notifications: deps.notifications,
          slack: new SlackNotifier(config.slackWebhookUrls),
          logger,
          onChange,
        });
        // scope global (the default): one replica runs each round
        await deps.scheduler.scheduleTask({
          id: 'incidents-escalation',
          frequency: ESCALATION_FREQUENCY,
          timeout: { minutes: 2 },
          fn: async () => {
            await escalation.run();
          },
        });
      },
    });
  },
});
