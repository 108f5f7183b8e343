import { pgBackRestInfo } from './pgBackRestInfo';

// Tuesday 2026-12-01 10:00 in Seoul
const NOW = Date.parse('2026-12-01T01:00:00Z');

describe('pgBackRestInfo', () => {
  const text = pgBackRestInfo({ stanza: 'trading-db', nowMs: NOW });
  const [stanza] = JSON.parse(
    text.replace(/"system-id":(\d+)/, '"system-id":"$1"'),
  );

  it('writes the system id unquoted with all its digits', () => {
    expect(text).toContain('"system-id":7312345678901234567');
  });

  it('has fulls on Sundays and incrementals the other days at 01:00 Seoul, up to today', () => {
    const seoul = (s: number) => new Date(s * 1000 + 9 * 3600_000);
    for (const b of stanza.backup) {
      const start = seoul(b.timestamp.start);
      expect(start.getUTCHours()).toBe(1);
      expect(b.type).toBe(start.getUTCDay() === 0 ? 'full' : 'incr');
    }
    expect(stanza.backup[0].type).toBe('full');
    expect(stanza.backup.length).toBeGreaterThanOrEqual(35);
    const newest = stanza.backup[stanza.backup.length - 1];
    expect(newest.label).toMatch(/^20261129-0100\d\dF_20261201-0100\d\dI$/);
    // an incremental needs its full and the incrementals before it
    expect(newest.reference).toEqual([
      expect.stringMatching(/^20261129-0100\d\dF$/),
      expect.stringMatching(/_20261130-0100\d\dI$/),
    ]);
  });

  it('archives WAL past the newest backup, up to now', () => {
    const newest = stanza.backup[stanza.backup.length - 1];
    expect(stanza.archive[0].max > newest.archive.stop).toBe(true);
    expect(stanza.archive[0].min).toBe(stanza.backup[0].archive.start);
  });

  it('gives at least the asked number of backups, the oldest a full', () => {
    const [big] = JSON.parse(
      pgBackRestInfo({ stanza: 'x', nowMs: NOW, backups: 1000 }).replace(
        /"system-id":(\d+)/,
        '"system-id":"$1"',
      ),
    );
    expect(big.backup.length).toBeGreaterThanOrEqual(1000);
    expect(big.backup.length).toBeLessThan(1007);
    expect(big.backup[0].type).toBe('full');
  });
});
