import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { kubernetesInformerCacheServiceRef } from '@fdp/plugin-kubernetes-informer-cache-node';
import { readBackupsConfig } from './config';
import { PgBackRestProvider } from './providers/pgbackrest/PgBackRestProvider';
import { BackupProvider } from './providers/types';
import { VeleroProvider } from './providers/velero/VeleroProvider';
import { BackupsService } from './service/BackupsService';
import { createRouter } from './service/router';

/** Signal channel: a target's status changed (`{ targets: [names] }`). */
export const BACKUPS_SIGNAL_CHANNEL = 'backups';

const REFRESH_TASK = 'backups-refresh';
/** The longest the first round waits for the informer cache's first lists. */
const FIRST_SYNC_WAIT_MS = 30_000;

/** `promise`, or nothing after `ms`: a cluster that never answers must not stop the rounds. */
function waitAtMost(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<void>(resolve => {
      timer = setTimeout(resolve, ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Backups (plugin id `backups`): pgBackRest and Velero backup targets
 * evaluated against the backup policies, under /api/backups, refreshed by a
 * scheduled task, with a `backups` signal when a target's status changes.
 */
export const backupsPlugin = createBackendPlugin({
  pluginId: 'backups',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        scheduler: coreServices.scheduler,
        cache: kubernetesInformerCacheServiceRef,
        signals: signalsServiceRef,
      },
      async init(deps) {
        const config = readBackupsConfig(deps.config, m => deps.logger.warn(m));
        if (config.velero.length) {
          deps.cache.register({
            kinds: ['backups', 'schedules'],
            detail: 'trimmed',
          });
        }
        const providers: BackupProvider[] = [
          ...config.pgbackrest.map(c => new PgBackRestProvider(c, deps.logger)),
          ...config.velero.map(c => new VeleroProvider(c, deps.cache)),
        ];
        const service = new BackupsService({
          policies: config.policies,
          providers,
          logger: deps.logger,
        });
        deps.httpRouter.use(
          await createRouter({ service, httpAuth: deps.httpAuth }),
        );

        // Velero targets are read from the shared informer cache: the first
        // round waits for its first list (or failure) of every cluster, so
        // it does not report a cluster still being listed as unreadable
        const firstSync = config.velero.length
          ? waitAtMost(deps.cache.ready(), FIRST_SYNC_WAIT_MS)
          : Promise.resolve();
        if (config.velero.length) {
          // a watch breaking or recovering shows now, not at the next round
          const clusters = new Set(config.velero.map(v => v.cluster));
          deps.cache.subscribe(event => {
            if (
              (event.type === 'STALE' ||
                event.type === 'RECOVERED' ||
                event.type === 'SYNCED') &&
              clusters.has(event.cluster)
            ) {
              deps.scheduler.triggerTask(REFRESH_TASK).catch(() => {
                // already running: its round reads the new state
              });
            }
          });
        }

        // each instance reads the sources for its own cache (scope local)
        await deps.scheduler.scheduleTask({
          id: REFRESH_TASK,
          scope: 'local',
          frequency: { seconds: config.refreshSeconds },
          timeout: { seconds: Math.max(60, config.refreshSeconds) },
          fn: async () => {
            await firstSync;
            const changed = await service.refresh();
            if (changed.length) {
              await deps.signals.publish({
                recipients: { type: 'broadcast' },
                channel: BACKUPS_SIGNAL_CHANNEL,
                message: { type: 'backups-changed', targets: changed },
              });
            }
          },
        });
      },
    });
  },
});
