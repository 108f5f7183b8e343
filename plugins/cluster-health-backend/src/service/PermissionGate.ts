import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';

function principalKey(credentials: BackstageCredentials): string | undefined {
  const p = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (p.type === 'user') return `user:${p.userEntityRef}`;
  if (p.type === 'service') return `service:${p.subject}`;
  return undefined;
}

/**
 * Throws NotAllowedError (403) unless the caller holds the permission.
 * ALLOW decisions are remembered per principal for `ttlMs`: the health
 * endpoints are polled by every open page, and asking the permission
 * backend on each request dominated their latency (bench/cluster-health.ts).
 * A revoked permission therefore takes effect within `ttlMs`; denials are
 * never cached.
 */
export class PermissionGate {
  private readonly allowed = new Map<string, number>();

  constructor(
    private readonly permissions: PermissionsService,
    private readonly ttlMs = 10_000,
  ) {}

  async require(
    permission: BasicPermission,
    credentials: BackstageCredentials,
  ) {
    const principal = principalKey(credentials);
    const key = principal && `${principal}|${permission.name}`;
    const now = Date.now();
    if (key && (this.allowed.get(key) ?? 0) > now) {
      return;
    }
    const [decision] = await this.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      if (key) this.allowed.delete(key);
      throw new NotAllowedError(`Missing permission ${permission.name}`);
    }
    if (key) {
      if (this.allowed.size > 10_000) this.allowed.clear();
      this.allowed.set(key, now + this.ttlMs);
    }
  }
}
