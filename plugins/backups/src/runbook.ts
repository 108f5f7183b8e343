import type { TargetSummary } from './api';

/**
 * The operations manual's restore procedure ("Restore procedure"): the
 * application and database it names. The procedure is written for
 * trading-db; the target fills in stanza, repository and backup labels.
 */
const APP = { namespace: 'trading', deployment: 'trading-api', replicas: 3 };
const DATABASE = 'trading_db';

/** One step: a translation key of `runbook.*` for its title, and its commands. */
export interface RunbookStep {
  key:
    | 'stopApp'
    | 'restoreFull'
    | 'restorePitr'
    | 'restoreDump'
    | 'verify'
    | 'startApp'
    | 'checkPods'
    | 'velero'
    | 'veleroCheckPods';
  /** The backup the step restores from (`{{label}}` of its title). */
  label?: string;
  command: string;
}

/** A time as PostgreSQL's recovery_target_time reads it: `2026-11-30 01:50:00+00`. */
export function recoveryTargetTime(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19).replace('T', ' ')}+00`;
}

const scale = (replicas: number) =>
  `kubectl --namespace ${APP.namespace} scale deployment/${APP.deployment} --replicas=${replicas}`;

const checkPods = `kubectl --namespace ${APP.namespace} get pods -l app=${APP.deployment}`;

/**
 * The restore procedure for a target, or undefined with nothing to restore
 * from. pgBackRest: the backend's API does not carry the stanza, and a
 * stanza defaults to the target's name (backups-backend config), so the
 * name is the stanza here.
 */
export function restoreRunbook(
  target: TargetSummary,
): RunbookStep[] | undefined {
  const newest = target.lastFull;
  if (!newest) {
    return undefined;
  }
  if (target.provider.type === 'velero') {
    return [
      {
        key: 'velero',
        label: newest.id,
        command: `velero restore create --from-backup ${newest.id} --wait`,
      },
      { key: 'veleroCheckPods', command: checkPods },
    ];
  }
  const stanza = target.name;
  const steps: RunbookStep[] = [
    { key: 'stopApp', command: scale(0) },
    {
      key: 'restoreFull',
      label: newest.id,
      command: `pgbackrest --stanza=${stanza} --delta restore`,
    },
  ];
  if (target.recoveryWindow) {
    steps.push({
      key: 'restorePitr',
      command: `pgbackrest --stanza=${stanza} --delta --type=time "--target=${recoveryTargetTime(
        target.recoveryWindow.to,
      )}" --target-action=promote restore`,
    });
  }
  steps.push(
    {
      key: 'restoreDump',
      command: `pg_restore --clean --if-exists --dbname=${DATABASE} ${DATABASE}.dump`,
    },
    {
      key: 'verify',
      command: `pgbackrest --stanza=${stanza} check\npsql --dbname=${DATABASE} -c 'SELECT pg_is_in_recovery(); ANALYZE;'`,
    },
    { key: 'startApp', command: scale(APP.replicas) },
    { key: 'checkPods', command: checkPods },
  );
  return steps;
}
