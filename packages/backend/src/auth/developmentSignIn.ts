import {
  coreServices,
  createBackendFeatureLoader,
} from '@backstage/backend-plugin-api';
import { authModuleTestUserProvider } from './testUserProvider';

/**
 * The password-less sign-ins (guest, test-user), loaded only when their
 * provider is configured: app-config.development.yaml configures them,
 * production does not, so production has no such provider at all (the guest
 * module would even refuse to start without its config).
 */
export const developmentSignIn = createBackendFeatureLoader({
  deps: { config: coreServices.rootConfig },
  *loader({ config }) {
    if (config.has('auth.providers.guest')) {
      yield import('@backstage/plugin-auth-backend-module-guest-provider');
    }
    if (config.has('auth.providers.test-user')) {
      yield authModuleTestUserProvider;
    }
  },
});
