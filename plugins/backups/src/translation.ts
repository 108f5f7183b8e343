import { createTranslationRef } from '@backstage/frontend-plugin-api';

/**
 * Every user-facing string of the plugin, in English, and the plugin's own
 * Korean (`translations/ko.ts`, loaded when the app's language is `ko`;
 * every key, or the type check fails). An app can still override messages
 * with its own `TranslationBlueprint`. Violation
 * sentences come from the backend (English, with `params` for a translated
 * rendering).
 *
 * @public
 */
export const backupsTranslationRef = createTranslationRef({
  id: 'backups',
  translations: {
    ko: () => import('./translations/ko'),
  },
  messages: {
    page: {
      title: 'Backups',
      subtitle:
        'Is every database and cluster backed up as the policy says, and how far back can we restore?',
    },
    common: {
      none: '—',
      refreshFailed: 'Could not refresh: {{message}}',
      backToList: 'All backup targets',
      noData: 'No data',
    },
    status: {
      ok: 'OK',
      warning: 'Warning',
      critical: 'Critical',
    },
    list: {
      empty: 'No backup targets are configured',
      emptyHint:
        'Add pgBackRest stanzas or Velero schedules under `backups` in app-config.yaml.',
      policy: 'Policy {{policy}}',
      source: '{{type}} · {{source}}',
      noViolations: 'Backed up as the policy says.',
      inProgress: 'A backup is running now.',
      rpo: 'RPO',
      nextFull: 'Next full',
      nextIncremental: 'Next incremental',
      lastFull: 'Last full',
      backups: 'Backups',
      window: 'Recovery window',
      stale:
        'Cluster data is stale (its watch is failing): this status may be out of date',
      staleSince:
        'Cluster data is stale since {{time}} (its watch is failing): this status may be out of date',
    },
    violations: {
      NO_BACKUPS: 'No backups',
      FULL_BACKUP_OVERDUE: 'Full backup overdue',
      INCREMENTAL_OVERDUE: 'Incremental backup overdue',
      LAST_BACKUP_FAILED: 'Last backup failed',
      BACKUP_CHECKSUM_ERRORS: 'Checksum errors',
      RETENTION_SHORTFALL: 'Retention shortfall',
      WAL_ARCHIVE_LAG: 'WAL archive lagging',
      WAL_ARCHIVE_GAP: 'WAL archive gap',
      REPOSITORY_ERROR: 'Repository unreadable',
      POLICY_INCONSISTENT: 'Policy inconsistent',
    },
    loud: {
      noBackups: 'No backups: this target cannot be restored',
      repositoryError: 'Repository unreadable: backups cannot be verified',
    },
    window: {
      none: 'Nothing restorable',
      from: 'Oldest restorable point',
      toWal: 'Newest archived WAL',
      toBackup: 'Newest restorable backup',
      label: 'Recovery window from {{from}} to {{to}} ({{length}})',
    },
    detail: {
      notFound: 'No backup target named {{name}}',
      backupsTitle: 'Backups',
      noBackups: 'The provider lists no backups for this target',
      id: 'Backup',
      type: 'Type',
      status: 'Status',
      start: 'Start',
      duration: 'Duration',
      size: 'Size',
      repositorySize: 'In repository',
      wal: 'WAL range',
      checksum: 'Checksums',
      checksumErrors: 'CHECKSUM ERRORS: corrupted pages were backed up',
      checksumOk: 'OK',
      observedAt: 'Provider read at {{time}}',
      usedBy: 'Used by',
    },
    types: {
      full: 'full',
      diff: 'differential',
      incr: 'incremental',
      snapshot: 'snapshot',
    },
    backupStatus: {
      completed: 'completed',
      failed: 'failed',
      partiallyFailed: 'partially failed',
      expired: 'expired',
    },
    runbook: {
      title: 'Restore procedure',
      subheader:
        'The documented procedure for {{target}}: stanza {{stanza}}, repository {{repository}}',
      stopApp: '1. Stop writers: scale trading-api to 0',
      restoreFull:
        '2a. Restore the newest full backup ({{label}}) with pgBackRest (on the database host, PostgreSQL stopped)',
      restorePitr:
        '2b. Or restore to a point in time: the newest restorable point is shown; any time inside the recovery window works',
      restoreDump: '2c. Or restore a logical dump into trading_db',
      verify: '3. Verify the data',
      startApp: '4. Scale trading-api back to 3',
      checkPods: '5. Check the pods',
      noFull:
        'There is no restorable full backup: a pgBackRest restore is not possible.',
      velero: '1. Restore the newest snapshot ({{label}}) with Velero',
      veleroCheckPods: '2. Check the pods',
      subheaderVelero:
        'The documented procedure for {{target}}: repository {{repository}}',
      noSnapshot: 'There is no restorable snapshot.',
    },
    entityCard: {
      title: 'Backups',
      subheader: 'Backup targets this entity depends on',
      viewAll: 'All backups',
      missing: 'Target {{name}} is not configured in the backups backend',
    },
    homeCard: {
      allOk: 'Every backup target is OK',
      notOk: '{{number}} targets not OK',
      worstRpo: 'Worst RPO: {{rpo}} ({{target}})',
    },
    calendar: {
      title: 'Last 30 days',
      success: 'backed up',
      failed: 'failed',
      missing: 'no backup',
      day: '{{day}}: {{state}}',
    },
  },
});
