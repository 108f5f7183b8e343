import { Backup } from '@fdp/plugin-backups-common';
import { CachedObject } from '@fdp/plugin-kubernetes-informer-cache-node';

/** What an object gives whatever the time: its backup unless expired, and when it expires. */
interface Converted {
  backup?: Backup;
  expiresAt: number;
}

/**
 * The cache hands out the same object until it changes (a watch event
 * replaces it): converted once, not once per object per round (250,000
 * backups of 250 schedules took ~1 s a round to convert).
 */
const converted = new WeakMap<CachedObject, Converted>();

/**
 * A Velero `Backup` (velero.io/v1) as a snapshot, or undefined while it has
 * not finished (New, InProgress, …: not restorable yet, not failed either).
 * Deleting, or past `status.expiration`, is `expired`: retention took it.
 */
export function veleroBackup(
  object: CachedObject,
  now: number,
): Backup | undefined {
  let entry = converted.get(object);
  if (!entry) {
    const status = object.status ?? {};
    entry = {
      // as if at the beginning of time: before any expiration
      backup: convert(object, Number.NEGATIVE_INFINITY),
      expiresAt:
        typeof status.expiration === 'string'
          ? Date.parse(status.expiration)
          : Number.POSITIVE_INFINITY,
    };
    converted.set(object, entry);
  }
  return entry.expiresAt <= now ? convert(object, now) : entry.backup;
}

function convert(object: CachedObject, now: number): Backup | undefined {
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
