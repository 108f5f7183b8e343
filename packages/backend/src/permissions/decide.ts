import { Permission } from '@backstage/plugin-permission-common';

/** The group whose members operate the platform (seeds: Kubernetes cluster-admin). */
export const DEVOPS_GROUP_REF = 'group:default/devops';

/**
 * Permissions that change the platform or reach into the clusters: only
 * members of devops may use them (access control of the operations manual).
 * Names follow `<plugin>.<resource>.<action>`.
 */
export const DEVOPS_ONLY_PERMISSIONS: ReadonlySet<string> = new Set([
  // our plugins
  'alerts.silence.create',
  'alerts.silence.expire',
  'incidents.incident.update',
  // the official kubernetes plugin: raw API access through the backend proxy
  'kubernetes.proxy',
  // removing things from the catalog
  'catalog.entity.delete',
  'catalog.location.delete',
]);

/** What a policy needs to know about the signed-in user. */
export interface PolicySubject {
  /** The user's entity ref and the groups it belongs to. */
  ownershipEntityRefs: readonly string[];
}

/**
 * The portal's permission decision as a pure function, so it can be tested
 * without a backend: reading and ordinary use are for every signed-in user,
 * the permissions above for devops only.
 */
export function decide(
  permission: Permission,
  subject: PolicySubject,
): 'allow' | 'deny' {
  if (DEVOPS_ONLY_PERMISSIONS.has(permission.name)) {
    return subject.ownershipEntityRefs.includes(DEVOPS_GROUP_REF)
      ? 'allow'
      : 'deny';
  }
  return 'allow';
}
