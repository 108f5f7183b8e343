import {
  createFrontendModule,
  useApi,
  configApiRef,
} from '@backstage/frontend-plugin-api';
import {
  SignInPageBlueprint,
  SignInPageProps,
} from '@backstage/plugin-app-react';
import { ProxiedSignInPage, SignInPage } from '@backstage/core-components';
import { oidcAuthApi, oidcAuthApiRef } from './oidcAuthApi';

/**
 * In development, the catalog user named by this localStorage key is signed
 * in through the backend's test-user provider (app-config.development.yaml)
 * instead of offering guest: the e2e tests, or a developer who wants to see
 * the portal as e.g. `team-lead` of dev-team, set it.
 */
export const TEST_USER_STORAGE_KEY = 'fdp.testUser';

/**
 * Guest in development (and in the e2e build, where the backend allows it),
 * or the test user above; the company's OIDC provider when `auth.environment`
 * is `production`.
 */
function PortalSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  if (config.getOptionalString('auth.environment') === 'production') {
    return (
      <SignInPage
        {...props}
        providers={[
          {
            id: 'oidc',
            title: 'Company SSO',
            message: 'Sign in with your company account',
            apiRef: oidcAuthApiRef,
          },
        ]}
      />
    );
  }
  const testUser = window.localStorage.getItem(TEST_USER_STORAGE_KEY);
  if (testUser) {
    return (
      <ProxiedSignInPage
        {...props}
        provider="test-user"
        headers={{ 'x-fdp-test-user': testUser }}
      />
    );
  }
  return <SignInPage {...props} providers={['guest']} />;
}

export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    oidcAuthApi,
    SignInPageBlueprint.make({
      params: { loader: async () => PortalSignInPage },
    }),
  ],
});
