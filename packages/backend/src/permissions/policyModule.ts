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
 * The portal's permission policy. Service principals (static tokens, other
 * backends) never reach it: the permissions service allows service-to-service
 * calls before any policy runs, so this policy only ever decides for users.
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
            const result = decide(request.permission, info);
            return {
              result:
                result === 'allow'
                  ? AuthorizeResult.ALLOW
                  : AuthorizeResult.DENY,
            };
          },
        };
        policy.setPolicy(fdpPolicy);
      },
    });
  },
});
