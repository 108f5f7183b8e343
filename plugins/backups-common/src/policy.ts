/** A schedule and how long what it produces is kept. */
export interface ScheduledRetention {
  /** Cron expression (5 fields, or 6 with seconds), in the policy's time zone. */
  schedule: string;
  retentionMs: number;
}

interface PolicyBase {
  name: string;
  /** IANA time zone the cron expressions are read in. */
  timeZone: string;
  /** How late a scheduled backup may start before it counts as missed. */
  gracePeriodMs: number;
}

/** pgBackRest-style database backups: full + incremental + archived WAL. */
export interface DatabaseBackupPolicy extends PolicyBase {
  kind: 'database';
  full: ScheduledRetention;
  incremental: ScheduledRetention;
  walArchive: {
    retentionMs: number;
    /** Age of the newest archived WAL above which WAL_ARCHIVE_LAG is raised. */
    lag: { warningMs: number; criticalMs: number };
  };
}

/** Grandfather-father-son retention: how many of each bucket to keep. */
export interface GfsRetention {
  hourly: number;
  daily: number;
  weekly: number;
  monthly: number;
}

/** Snapshot backups (Velero) with GFS retention. */
export interface SnapshotBackupPolicy extends PolicyBase {
  kind: 'snapshot';
  schedule: string;
  retention: GfsRetention;
  storage?: { provider: 's3'; bucket: string; region: string };
}

export type BackupPolicy = DatabaseBackupPolicy | SnapshotBackupPolicy;

/**
 * The platform runs in ap-northeast-2 (Seoul) and the documents' "01:00" is
 * Seoul wall-clock time.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Seoul';

/**
 * The two documented policies (operations manual, infrastructure design) in `backups.policies` config spelling (parsed by
 * `parsePoliciesConfig` into `DEFAULT_POLICIES`):
 * operations manual (PostgreSQL/TimescaleDB) and infrastructure doc
 * (cluster snapshots). Grace period and WAL lag limits are not in the
 * documents: ours, see README.
 */
export const DEFAULT_POLICIES_CONFIG = {
  postgresql: {
    kind: 'database',
    timeZone: DEFAULT_TIME_ZONE,
    gracePeriod: { hours: 1 },
    full: { schedule: '0 1 * * 0', retention: { weeks: 4 } },
    incremental: { schedule: '0 1 * * *', retention: { days: 7 } },
    walArchive: {
      retention: { days: 30 },
      lag: { warning: { minutes: 15 }, critical: { hours: 1 } },
    },
  },
  'cluster-snapshots': {
    kind: 'snapshot',
    timeZone: DEFAULT_TIME_ZONE,
    gracePeriod: { hours: 1 },
    schedule: '0 1 * * *',
    retention: { hourly: 24, daily: 7, weekly: 4, monthly: 12 },
    storage: {
      provider: 's3',
      bucket: 'backup-bucket',
      region: 'ap-northeast-2',
    },
  },
} as const;
