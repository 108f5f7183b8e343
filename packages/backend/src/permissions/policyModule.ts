import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { decide } from './decide';

/**
 * The portal's permission policy (./decide.ts). Service principals (static
 * tokens, other backends) never reach it: the permissions service decides for
 * them before any policy runs, allowing everything their token's
 * `accessRestrictions` do not exclude (app-config.production.yaml restricts
 * the script token); this policy only ever decides for users.
 */
export const permissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'fdp-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, userInfo: coreServices.userInfo },
      async init({ policy, userInfo }) {
        const fdpPolicy: PermissionPolicy = {
          async handle(request: PolicyQuery, user?: PolicyQueryUser) {
            if (!user) {
              return { result: AuthorizeResult.DENY };
            }
            const info = await userInfo.getUserInfo(user.credentials);
            return decide(request.permission, info);
          },
        };
        policy.setPolicy(fdpPolicy);
      },
    });
  },
});
