import {
  BackstageCredentials,
  PermissionsService,
  PermissionsServiceRequestOptions,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  AuthorizePermissionRequest,
  AuthorizePermissionResponse,
  AuthorizeResult,
  QueryPermissionRequest,
  QueryPermissionResponse,
} from '@backstage/plugin-permission-common';
import { ServerPermissionClient } from '@backstage/plugin-permission-node';
import { LRUCache } from 'lru-cache';

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
 * Remembers ALLOW decisions on basic permissions (no resource) per principal
 * for `ttlMs`, in front of the stock permission client.
 *
 * Why here: every plugin asks the permission backend over HTTP on every
 * request (a signed token, a round trip, the policy), and the portal's pages
 * poll: the cluster-health and alerts endpoints, and the official Kubernetes
 * tab every 10 s per open tab. Caching once in the permissions service serves
 * every plugin, instead of each plugin growing its own cache. A revoked
 * permission takes effect within `ttlMs`; denials, resource permissions and
 * conditional decisions are never cached.
 */
export class CachingPermissionsService implements PermissionsService {
  /** `principal|permission` keys allowed within the TTL (least recently used dropped first) */
  private readonly allowed: LRUCache<string, true>;

  constructor(
    private readonly inner: PermissionsService,
    ttlMs = 10_000,
    maxEntries = 10_000,
  ) {
    this.allowed = new LRUCache({ max: maxEntries, ttl: ttlMs });
  }

  async authorize(
    requests: AuthorizePermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<AuthorizePermissionResponse[]> {
    const principal = principalKey(options.credentials);
    const keys = requests.map(r =>
      principal &&
      r.permission.type === 'basic' &&
      !('resourceRef' in r && r.resourceRef)
        ? `${principal}|${r.permission.name}`
        : undefined,
    );
    // decided once, so an entry expiring during the call cannot shift the answers
    const hits = keys.map(
      key => key !== undefined && this.allowed.get(key) !== undefined,
    );
    const missing = requests.filter((_, i) => !hits[i]);
    const answers =
      missing.length > 0 ? await this.inner.authorize(missing, options) : [];
    let next = 0;
    return requests.map((_, i) => {
      const key = keys[i];
      if (hits[i]) return { result: AuthorizeResult.ALLOW };
      const answer = answers[next++];
      if (key) {
        if (answer.result === AuthorizeResult.ALLOW) {
          this.allowed.set(key, true);
        } else {
          this.allowed.delete(key);
        }
      }
      return answer;
    });
  }

  authorizeConditional(
    requests: QueryPermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<QueryPermissionResponse[]> {
    return this.inner.authorizeConditional(requests, options);
  }
}

/** The stock permissions service (backend-defaults) behind the cache. */
export const cachingPermissionsServiceFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {
    auth: coreServices.auth,
    config: coreServices.rootConfig,
    discovery: coreServices.discovery,
  },
  factory: ({ auth, config, discovery }) =>
    new CachingPermissionsService(
      ServerPermissionClient.fromConfig(config, { auth, discovery }),
    ),
});
