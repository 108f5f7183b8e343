import path from 'node:path';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogLocationsExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  kubernetesAuthStrategiesServiceRef,
  readClusters,
} from '@fdp/plugin-kubernetes-informer-cache-node';
import { createCatalogRegisterAction } from './actions/catalogRegister';
import { createKubernetesApplyAction } from './actions/kubernetesApply';
import { createLintManifestsAction } from './actions/lintManifests';
import { createPublishLocalAction } from './actions/publishLocal';
import { createRenderManifestsAction } from './actions/renderManifests';

/** Where published repositories go when `scaffolder.platform.publishDir` is unset (relative to the backend's working directory). */
const DEFAULT_PUBLISH_DIR = 'data/repos';

/** The platform's scaffolder actions. */
export const scaffolderModulePlatform = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'platform',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        authStrategies: kubernetesAuthStrategiesServiceRef,
      },
      async init({
        scaffolder,
        config,
        logger,
        auth,
        catalog,
        authStrategies,
      }) {
        const clusters = readClusters(config, authStrategies, m =>
          logger.warn(m),
        );
        const publishDir = path.resolve(
          config.getOptionalString('scaffolder.platform.publishDir') ??
            DEFAULT_PUBLISH_DIR,
        );
        scaffolder.addActions(
          createRenderManifestsAction({
            catalog,
            clusters: clusters.map(c => c.name),
          }),
          createLintManifestsAction(),
          createKubernetesApplyAction({ clusters }),
          createPublishLocalAction({ publishDir }),
          createCatalogRegisterAction({ auth, catalog, publishDir }),
        );
      },
    });
  },
});

/**
 * Lets the catalog take `file` locations besides `url` ones: the repositories
 * `platform:publish:local` writes are files. Adding a location stays
 * devops-only in the permission policy (the register action uses the
 * module's own credentials).
 */
export const catalogModuleFileLocations = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'platform-file-locations',
  register(reg) {
    reg.registerInit({
      deps: { locations: catalogLocationsExtensionPoint },
      async init({ locations }) {
        locations.setAllowedLocationTypes(['url', 'file']);
      },
    });
  },
});
