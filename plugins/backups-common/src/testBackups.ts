import { Backup } from './types';

// Test data builders (used by the tests only; not exported from index.ts).

const HOUR = 3600_000;
export const DAY = 24 * HOUR;
export const MINUTE = 60_000;

let segment = 0;
const nextSegment = () => {
  segment += 2;
  return `00000001000000${segment
    .toString(16)
    .toUpperCase()
    .padStart(10, '0')}`;
};

/** A pgBackRest backup that started at `start` and took 5 minutes. */
export function pgBackup(
  type: 'full' | 'incr' | 'diff',
  start: number,
  extra: Partial<Backup> = {},
): Backup {
  const wal = nextSegment();
  return {
    id: `${type}-${new Date(start).toISOString()}`,
    type,
    status: 'completed',
    startedAt: new Date(start).toISOString(),
    stoppedAt: new Date(start + 5 * MINUTE).toISOString(),
    checksumErrors: false,
    wal: { start: wal, stop: wal },
    ...extra,
  };
}

/** A Velero backup that started at `start`. */
export function snapshot(
  start: number,
  status: Backup['status'] = 'completed',
): Backup {
  return {
    id: `snapshot-${new Date(start).toISOString()}`,
    type: 'snapshot',
    status,
    startedAt: new Date(start).toISOString(),
    stoppedAt: new Date(start + 2 * MINUTE).toISOString(),
    checksumErrors: false,
  };
}

/** Runs every `stepMs` back from `newest`, `count` of them, newest first. */
export function times(newest: number, stepMs: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => newest - i * stepMs);
}
