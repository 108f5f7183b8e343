import { isRunning, veleroBackup } from './veleroBackup';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const backup = (status: Record<string, unknown>) => ({
  metadata: { name: 'b', creationTimestamp: '2026-11-19T15:59:00Z' },
  status,
});

describe('veleroBackup', () => {
  it.each([
    ['Completed', 'completed'],
    ['PartiallyFailed', 'partiallyFailed'],
    ['Failed', 'failed'],
    ['FailedValidation', 'failed'],
  ])('%s → %s', (phase, status) => {
    expect(
      veleroBackup(
        backup({
          phase,
          startTimestamp: '2026-11-19T16:00:00Z',
          completionTimestamp: '2026-11-19T17:00:00Z',
          expiration: '2026-12-19T16:00:00Z',
        }),
        NOW,
      ),
    ).toEqual({
      id: 'b',
      type: 'snapshot',
      status,
      startedAt: '2026-11-19T16:00:00.000Z',
      stoppedAt: '2026-11-19T17:00:00.000Z',
      checksumErrors: false,
    });
  });

  it('converts an object once, and still expires it when its time comes', () => {
    const object = backup({
      phase: 'Completed',
      startTimestamp: '2026-11-19T16:00:00Z',
      expiration: '2026-11-20T12:00:00Z',
    });
    const before = veleroBackup(object, NOW - 1);
    expect(before?.status).toBe('completed');
    // the same object a round later: the same conversion
    expect(veleroBackup(object, NOW - 1)).toBe(before);
    expect(veleroBackup(object, NOW)?.status).toBe('expired');
  });

  it('is expired past its expiration or while Velero deletes it', () => {
    expect(
      veleroBackup(
        backup({ phase: 'Completed', expiration: '2026-11-20T11:59:59Z' }),
        NOW,
      )?.status,
    ).toBe('expired');
    expect(veleroBackup(backup({ phase: 'Deleting' }), NOW)?.status).toBe(
      'expired',
    );
  });

  it('skips unfinished backups (the creation time stands in for a missing start)', () => {
    expect(veleroBackup(backup({ phase: 'InProgress' }), NOW)).toBeUndefined();
    expect(veleroBackup(backup({}), NOW)).toBeUndefined();
    expect(isRunning(backup({ phase: 'InProgress' }))).toBe(true);
    expect(isRunning(backup({ phase: 'Completed' }))).toBe(false);
    expect(veleroBackup(backup({ phase: 'Completed' }), NOW)?.startedAt).toBe(
      '2026-11-19T15:59:00.000Z',
    );
  });
});
