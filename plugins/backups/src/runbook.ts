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

/** pgBackRest's `--repo=N` for a target whose backups are in one repository (`repo1`). */
function repoOption(target: TargetSummary): string {
  const key = /^repo(\d+)$/.exec(target.repository ?? '')?.[1];
  return key ? ` --repo=${key}` : '';
}

/**
 * The stanza of a pgBackRest target as the backend reports it (a backend
 * from before `stanza` was returned: the target's name, its default).
 */
export function targetStanza(target: TargetSummary): string {
  return target.stanza ?? target.name;
}

/**
 * The restore procedure for a target, or undefined with nothing to restore
 * from. pgBackRest: the stanza and the repository the backend reports.
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
  const stanza = `--stanza=${targetStanza(target)}`;
  // restore reads the repository named; check checks every repository
  const restore = `pgbackrest ${stanza}${repoOption(target)} --delta`;
  const steps: RunbookStep[] = [
    { key: 'stopApp', command: scale(0) },
    {
      key: 'restoreFull',
      label: newest.id,
      command: `${restore} restore`,
    },
  ];
  if (target.recoveryWindow) {
    steps.push({
      key: 'restorePitr',
      command: `${restore} --type=time "--target=${recoveryTargetTime(
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
      command: `pgbackrest ${stanza} check\npsql --dbname=${DATABASE} -c 'SELECT pg_is_in_recovery(); ANALYZE;'`,
    },
    { key: 'startApp', command: scale(APP.replicas) },
    { key: 'checkPods', command: checkPods },
  );
  return steps;
}
