import { DeploymentHistory, DeploymentRevision } from './types';

/** How many revisions of a deployment GET /deployments/history returns by default, and at most. */
export const DEPLOYMENT_HISTORY = { defaultLimit: 5, maxLimit: 20 } as const;

const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

/* Minimal shapes of the Kubernetes objects read here (JSON as the API sends it). */

interface OwnedMeta {
  name: string;
  namespace?: string;
  uid?: string;
  creationTimestamp?: string;
  annotations?: Record<string, string>;
  ownerReferences?: Array<{ kind: string; name: string; uid?: string }>;
}

/** apps/v1 Deployment: what tells its ReplicaSets apart */
export interface RevisionOwner {
  metadata: { name: string; namespace?: string; uid?: string };
}

/** apps/v1 ReplicaSet */
export interface ReplicaSetObject {
  metadata: OwnedMeta;
  spec?: {
    replicas?: number;
    template?: { spec?: { containers?: Array<{ image?: string }> } };
  };
  status?: { replicas?: number; readyReplicas?: number };
}

function ownedBy(rs: ReplicaSetObject, d: RevisionOwner): boolean {
  return (rs.metadata.ownerReferences ?? []).some(
    o =>
      o.kind === 'Deployment' &&
      o.name === d.metadata.name &&
      (!o.uid || !d.metadata.uid || o.uid === d.metadata.uid),
  );
}

/**
 * A deployment's revisions from the ReplicaSets it owns (others in the list
 * are ignored), newest first, at most `limit`; the newest is the current
 * one, as the deployment controller keeps it.
 */
export function deploymentHistory(
  cluster: string,
  deployment: RevisionOwner,
  replicaSets: ReplicaSetObject[],
  limit: number = DEPLOYMENT_HISTORY.defaultLimit,
): DeploymentHistory {
  const revisions: DeploymentRevision[] = replicaSets
    .filter(rs => ownedBy(rs, deployment))
    .map(rs => ({
      revision: Number(rs.metadata.annotations?.[REVISION_ANNOTATION] ?? 0),
      replicaSet: rs.metadata.name,
      images: (rs.spec?.template?.spec?.containers ?? []).flatMap(c =>
        c.image ? [c.image] : [],
      ),
      createdAt: rs.metadata.creationTimestamp,
      replicas: {
        desired: rs.spec?.replicas ?? 0,
        ready: rs.status?.readyReplicas ?? 0,
      },
      current: false,
    }))
    .sort(
      (a, b) =>
        b.revision - a.revision ||
        (b.createdAt ?? '').localeCompare(a.createdAt ?? ''),
    )
    .slice(0, limit);
  if (revisions.length > 0) revisions[0].current = true;
  return {
    cluster,
    namespace: deployment.metadata.namespace ?? '',
    name: deployment.metadata.name,
    revisions,
  };
}
