/**
 * The platform's scaffolder actions (render, lint, apply, publish locally,
 * register) and the catalog module that lets it register file locations.
 *
 * @packageDocumentation
 */
import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';
import { catalogModuleFileLocations, scaffolderModulePlatform } from './module';

export { catalogModuleFileLocations, scaffolderModulePlatform } from './module';
export { FIELD_MANAGER } from './kubernetes/applyObject';

/** Both modules: one line in a backend's feature list. */
export default createBackendFeatureLoader({
  loader: () => [scaffolderModulePlatform, catalogModuleFileLocations],
});
