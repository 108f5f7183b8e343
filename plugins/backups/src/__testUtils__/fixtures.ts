import type { Backup, Violation } from '@fdp/plugin-backups-common';
import type { TargetSummary } from '../api';

/** A target summary as the backend returns it; `overrides` replace fields. */
export function target(overrides: Partial<TargetSummary> = {}): TargetSummary {
  return {
    name: 'trading-db',
    policy: 'postgresql',
    provider: { type: 'pgbackrest', name: 'trading-db-repo' },
    status: 'ok',
    violations: [],
    nextDue: {
      full: '2026-12-06T16:00:00.000Z',
      incremental: '2026-11-30T16:00:00.000Z',
    },
    recoveryWindow: {
      from: '2026-11-01T16:20:00.000Z',
      to: '2026-11-30T01:50:00.000Z',
      toBasis: 'wal',
    },
    rpoMs: 10 * 60_000,
    backupCount: 2,
    backupInProgress: false,
    observedAt: '2026-11-30T02:00:00.000Z',
    ...overrides,
  };
}

export function violation(overrides: Partial<Violation> = {}): Violation {
  return {
    code: 'FULL_BACKUP_OVERDUE',
    severity: 'warning',
    message:
      'The full backup due 2026-11-29 01:00 (Asia/Seoul) did not run: the newest started 2026-11-22 01:00 (Asia/Seoul), 8 days ago.',
    ...overrides,
  };
}

export function backup(overrides: Partial<Backup> = {}): Backup {
  return {
    id: '20261129-010002F',
    type: 'full',
    status: 'completed',
    startedAt: '2026-11-29T01:00:02.000Z',
    stoppedAt: '2026-11-29T01:12:32.000Z',
    sizeBytes: 25 * 1024 ** 3,
    repositorySizeBytes: 5 * 1024 ** 3,
    checksumErrors: false,
    wal: {
      start: '000000010000000000000010',
      stop: '000000010000000000000012',
    },
    ...overrides,
  };
}
