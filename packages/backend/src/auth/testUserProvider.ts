import { createBackendModule } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
  createProxyAuthenticator,
} from '@backstage/plugin-auth-node';

/** The header naming the catalog user to sign in as. */
export const TEST_USER_HEADER = 'x-fdp-test-user';

/**
 * Signs in as the catalog user `user:default/<name>` named by the
 * x-fdp-test-user header, with that user's real groups: tests and developers
 * see the portal as a member of dev-team, trading-team or sre instead of the
 * devops guest. Refused, like the guest provider, unless the backend runs with
 * NODE_ENV=development or the provider sets dangerouslyAllowOutsideDevelopment
 * (the e2e build); only configured in app-config.development.yaml.
 */
export const testUserAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async () => ({ profile: {} }),
  initialize({ config }) {
    return {
      allowed:
        process.env.NODE_ENV === 'development' ||
        config.getOptionalBoolean('dangerouslyAllowOutsideDevelopment') ===
          true,
    };
  },
  async authenticate({ req }, { allowed }) {
    if (!allowed) {
      throw new NotAllowedError(
        'Test-user sign-in is for development only (auth.providers.test-user.dangerouslyAllowOutsideDevelopment is not set)',
      );
    }
    const name = req.header(TEST_USER_HEADER);
    if (!name) {
      throw new InputError(
        `Name a catalog user in the ${TEST_USER_HEADER} header`,
      );
    }
    return { result: { name } };
  },
});

export const authModuleTestUserProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'test-user-provider',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({
          providerId: 'test-user',
          factory: createProxyAuthProviderFactory({
            authenticator: testUserAuthenticator,
            // Only users of the catalog: an unknown name is refused.
            signInResolver: async ({ result }, ctx) =>
              ctx.signInWithCatalogUser({
                entityRef: {
                  kind: 'user',
                  namespace: 'default',
                  name: result.name,
                },
              }),
          }),
        });
      },
    });
  },
});
