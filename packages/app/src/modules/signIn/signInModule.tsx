import {
  createFrontendModule,
  useApi,
  configApiRef,
} from '@backstage/frontend-plugin-api';
import {
  SignInPageBlueprint,
  SignInPageProps,
} from '@backstage/plugin-app-react';
import { SignInPage } from '@backstage/core-components';
import { oidcAuthApi, oidcAuthApiRef } from './oidcAuthApi';

/**
 * Guest in development (and in the e2e build, where the backend allows it);
 * the company's OIDC provider when `auth.environment` is `production`.
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
