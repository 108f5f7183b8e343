import { Backup } from '@fdp/plugin-backups-common';
import { CachedObject } from '@fdp/plugin-kubernetes-informer-cache-node';

/**
 * A Velero `Backup` (velero.io/v1) as a snapshot, or undefined while it has
 * not finished (New, InProgress, …: not restorable yet, not failed either).
 * Deleting, or past `status.expiration`, is `expired`: retention took it.
 */
export function veleroBackup(
  object: CachedObject,
  now: number,
): Backup | undefined {
  const status = object.status ?? {};
  const startedAt: string | undefined =
    status.startTimestamp ?? object.metadata.creationTimestamp;
  if (!startedAt) {
    return undefined;
  }
  const expired =
    status.phase === 'Deleting' ||
    (typeof status.expiration === 'string' &&
      Date.parse(status.expiration) <= now);
  const phase: Backup['status'] | undefined = expired
    ? 'expired'
    : {
        Completed: 'completed' as const,
        PartiallyFailed: 'partiallyFailed' as const,
        Failed: 'failed' as const,
        FailedValidation: 'failed' as const,
      }[status.phase as string];
  if (!phase) {
    return undefined;
  }
  return {
    id: object.metadata.name,
    type: 'snapshot',
    status: phase,
    startedAt: new Date(startedAt).toISOString(),
    ...(status.completionTimestamp
      ? { stoppedAt: new Date(status.completionTimestamp).toISOString() }
      : {}),
    checksumErrors: false,
  };
}

/** A Velero backup that has started and not finished. */
export function isRunning(object: CachedObject): boolean {
  return ['New', 'InProgress', 'WaitingForPluginOperations'].includes(
    object.status?.phase,
  );
}
