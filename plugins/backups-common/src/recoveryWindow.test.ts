import {
  recoveryWindow,
  restorableBackups,
  restorePoint,
} from './recoveryWindow';
import { Backup } from './types';

const full: Backup = {
  id: 'F',
  type: 'full',
  status: 'completed',
  startedAt: '2026-11-28T16:00:00.000Z',
  stoppedAt: '2026-11-28T16:05:00.000Z',
  checksumErrors: false,
  wal: { start: '000000010000000000000010', stop: '000000010000000000000010' },
};
const incr: Backup = {
  ...full,
  id: 'F_I',
  type: 'incr',
  startedAt: '2026-11-29T16:00:00.000Z',
  stoppedAt: '2026-11-29T16:01:00.000Z',
  wal: { start: '000000010000000000000020', stop: '000000010000000000000020' },
  references: ['F'],
};
const archive = {
  oldestSegment: '000000010000000000000010',
  newestSegment: '000000010000000000000030',
  newestArchivedAt: '2026-11-30T03:00:00.000Z',
};

describe('restorePoint', () => {
  it('is the stop of a database backup and the start of a snapshot', () => {
    expect(restorePoint(full)).toBe(Date.parse('2026-11-28T16:05:00.000Z'));
    expect(restorePoint({ ...full, type: 'snapshot' })).toBe(
      Date.parse('2026-11-28T16:00:00.000Z'),
    );
  });
});

describe('restorableBackups', () => {
  it.each([
    ['completed', {}, ['F', 'F_I']],
    ['a failed full takes its incremental along', { status: 'failed' }, []],
    ['an expired full as well', { status: 'expired' }, []],
    ['checksum errors', { checksumErrors: true }, []],
    [
      'WAL before the archive',
      {
        wal: {
          start: '00000001000000000000000F',
          stop: '000000010000000000000010',
        },
      },
      [],
    ],
  ] as const)('%s', (_, change, ids) => {
    const observation = { backups: [{ ...full, ...change }, incr], archive };
    expect(restorableBackups(observation).map(b => b.id)).toEqual(ids);
  });
});

describe('recoveryWindow', () => {
  it('runs from the oldest backup stop to the newest archived WAL', () => {
    expect(recoveryWindow({ backups: [incr, full], archive })).toEqual({
      from: '2026-11-28T16:05:00.000Z',
      to: '2026-11-30T03:00:00.000Z',
      toBasis: 'wal',
    });
  });

  it('ends at the newest backup when the WAL time is older or unknown', () => {
    const stale = { ...archive, newestArchivedAt: '2026-11-29T00:00:00.000Z' };
    expect(recoveryWindow({ backups: [full, incr], archive: stale })?.to).toBe(
      '2026-11-29T16:01:00.000Z',
    );
    expect(
      recoveryWindow({
        backups: [full, incr],
        archive: { ...archive, newestArchivedAt: undefined },
      }),
    ).toMatchObject({ to: '2026-11-29T16:01:00.000Z', toBasis: 'backup' });
  });

  it('is undefined with nothing restorable', () => {
    expect(recoveryWindow({ backups: [] })).toBeUndefined();
  });
});
