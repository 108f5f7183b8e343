import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';

/** Throws NotAllowedError (403) unless the caller holds the permission. */
export async function requirePermission(options: {
  permission: BasicPermission;
  permissions: PermissionsService;
  credentials: BackstageCredentials;
}): Promise<void> {
  const [decision] = await options.permissions.authorize(
    [{ permission: options.permission }],
    { credentials: options.credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`Missing permission ${options.permission.name}`);
  }
}
