import { backup, target } from './__testUtils__/fixtures';
import { recoveryTargetTime, restoreRunbook } from './runbook';

describe('restoreRunbook', () => {
  it('fills the documented procedure with the target’s stanza and recovery window', () => {
    const steps = restoreRunbook(
      target({
        name: 'orders-db',
        lastFull: backup({ id: '20261122-010001F' }),
        recoveryWindow: {
          from: '2026-11-01T16:20:00.000Z',
          to: '2026-11-30T01:50:07.123Z',
          toBasis: 'wal',
        },
      }),
    )!;
    expect(steps.map(s => s.key)).toEqual([
      'stopApp',
      'restoreFull',
      'restorePitr',
      'restoreDump',
      'verify',
      'startApp',
      'checkPods',
    ]);
    const command = (key: string) => steps.find(s => s.key === key)!.command;
    expect(command('stopApp')).toBe(
      'kubectl --namespace trading scale deployment/trading-api --replicas=0',
    );
    expect(command('restoreFull')).toBe(
      'pgbackrest --stanza=orders-db --delta restore',
    );
    expect(steps[1].label).toBe('20261122-010001F');
    expect(command('restorePitr')).toBe(
      'pgbackrest --stanza=orders-db --delta --type=time "--target=2026-11-30 01:50:07+00" --target-action=promote restore',
    );
    expect(command('restoreDump')).toContain('--dbname=trading_db');
    expect(command('verify')).toContain('pgbackrest --stanza=orders-db check');
    expect(command('startApp')).toMatch(/--replicas=3$/);
    expect(command('checkPods')).toBe(
      'kubectl --namespace trading get pods -l app=trading-api',
    );
  });

  it('uses the stanza and the repository the backend reports, not the target name', () => {
    const steps = restoreRunbook(
      target({
        name: 'orders',
        stanza: 'main-db',
        repository: 'repo2',
        lastFull: backup(),
      }),
    )!;
    const command = (key: string) => steps.find(s => s.key === key)!.command;
    expect(command('restoreFull')).toBe(
      'pgbackrest --stanza=main-db --repo=2 --delta restore',
    );
    expect(command('restorePitr')).toMatch(
      /^pgbackrest --stanza=main-db --repo=2 --delta --type=time /,
    );
    // check looks at every repository of the stanza
    expect(command('verify')).toContain('pgbackrest --stanza=main-db check\n');
    expect(
      restoreRunbook(
        target({
          stanza: 'main-db',
          repository: 'repo1, repo2',
          lastFull: backup(),
        }),
      )!.find(s => s.key === 'restoreFull')!.command,
    ).toBe('pgbackrest --stanza=main-db --delta restore');
  });

  it('has no point-in-time step without a recovery window', () => {
    const steps = restoreRunbook(
      target({ lastFull: backup(), recoveryWindow: undefined }),
    )!;
    expect(steps.map(s => s.key)).not.toContain('restorePitr');
  });

  it('restores a Velero target from its newest snapshot', () => {
    const steps = restoreRunbook(
      target({
        name: 'cluster-snapshots',
        provider: { type: 'velero', name: 'fdp-cluster' },
        lastFull: backup({
          id: 'daily-backup-20261129010000',
          type: 'snapshot',
        }),
      }),
    )!;
    expect(steps.map(s => s.key)).toEqual(['velero', 'veleroCheckPods']);
    expect(steps.map(s => s.command)).toEqual([
      'velero restore create --from-backup daily-backup-20261129010000 --wait',
      'kubectl --namespace trading get pods -l app=trading-api',
    ]);
  });

  it('is undefined with no full backup to start from', () => {
    expect(restoreRunbook(target({ lastFull: undefined }))).toBeUndefined();
  });
});

describe('recoveryTargetTime', () => {
  it('writes UTC seconds the way recovery_target_time reads them', () => {
    expect(recoveryTargetTime('2026-11-30T10:50:07.9+09:00')).toBe(
      '2026-11-30 01:50:07+00',
    );
  });
});
