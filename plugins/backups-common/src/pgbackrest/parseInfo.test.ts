import { readFileSync } from 'fs';
import { join } from 'path';
import {
  parsePgBackRestInfo,
  PgBackRestInfoError,
  stanzaObservation,
} from './parseInfo';

const fixture = readFileSync(
  join(__dirname, '__fixtures__', 'info-2.45.json'),
  'utf8',
);

function parseError(text: string): PgBackRestInfoError {
  try {
    parsePgBackRestInfo(text);
  } catch (error) {
    return error as PgBackRestInfoError;
  }
  throw new Error('expected a parse error');
}

describe('parsePgBackRestInfo', () => {
  it('normalises a 2.45 info document', () => {
    const [stanza] = parsePgBackRestInfo(fixture);
    expect(stanza.name).toBe('trading-db');
    expect(stanza.status).toEqual({ code: 0, message: 'ok' });
    expect(stanza.pgVersion).toBe('16');
    expect(stanza.repositoryError).toBeUndefined();
    expect(stanza.backupInProgress).toBeUndefined();
    expect(stanza.backups.map(b => [b.id, b.type])).toEqual([
      ['20261122-010002F', 'full'],
      ['20261122-010002F_20261123-010003I', 'incr'],
      ['20261122-010002F_20261124-010002I', 'incr'],
      ['20261129-010001F', 'full'],
      ['20261129-010001F_20261130-010004I', 'incr'],
    ]);
    // integer Unix seconds → ISO; Sunday 01:00 Seoul is Saturday 16:00 UTC
    expect(stanza.backups[3]).toEqual({
      id: '20261129-010001F',
      type: 'full',
      status: 'completed',
      startedAt: '2026-11-28T16:00:01.000Z',
      stoppedAt: '2026-11-28T16:05:06.000Z',
      sizeBytes: 2415919104,
      repositorySizeBytes: 301989888,
      checksumErrors: false,
      wal: {
        start: '000000010000000000000008',
        stop: '000000010000000000000008',
      },
    });
    expect(stanza.backups[2].references).toEqual([
      '20261122-010002F',
      '20261122-010002F_20261123-010003I',
    ]);
  });

  it('lists the repositories of the stanza as pgBackRest names them', () => {
    const [stanza] = parsePgBackRestInfo(fixture);
    expect(stanza.repositories).toEqual(['repo1']);
    const two = JSON.parse(
      fixture.replace(/"system-id":\s*(\d+)/, '"system-id": "$1"'),
    );
    two[0].repo.push({
      cipher: 'none',
      key: 2,
      status: { code: 0, message: 'ok' },
    });
    const [both] = parsePgBackRestInfo(JSON.stringify(two));
    expect(both.repositories).toEqual(['repo1', 'repo2']);
  });

  it('keeps every digit of a system-id above 2^53', () => {
    const [stanza] = parsePgBackRestInfo(fixture);
    expect(stanza.systemId).toBe('7312345678901234567');
    // what a plain JSON.parse would have made of it
    expect(String(JSON.parse('7312345678901234567'))).not.toBe(
      '7312345678901234567',
    );
  });

  it('reads "error": true as page checksum errors of a completed backup', () => {
    const [stanza] = parsePgBackRestInfo(fixture);
    expect(
      stanza.backups.filter(b => b.checksumErrors).map(b => [b.id, b.status]),
    ).toEqual([['20261122-010002F_20261124-010002I', 'completed']]);
  });

  it('takes the archive bounds of the current database', () => {
    const doc = JSON.parse(fixture);
    doc[0].db.push({ id: 2, 'repo-key': 1, 'system-id': 1, version: '17' });
    doc[0].archive.push({
      database: { id: 2, 'repo-key': 1 },
      id: '17-2',
      min: '000000020000000000000001',
      max: '000000020000000000000003',
    });
    const [stanza] = parsePgBackRestInfo(JSON.stringify(doc));
    expect(stanza.pgVersion).toBe('17');
    expect(stanza.archive).toEqual({
      oldestSegment: '000000020000000000000001',
      newestSegment: '000000020000000000000003',
    });
  });

  it('dates the newest WAL only when it is a backup stop segment', () => {
    const [stanza] = parsePgBackRestInfo(fixture);
    // max 0B is past the newest backup's stop segment 0A: time unknown
    expect(stanza.archive).toEqual({
      oldestSegment: '000000010000000000000001',
      newestSegment: '00000001000000000000000B',
    });
    const doc = JSON.parse(fixture);
    doc[0].archive[0].max = '00000001000000000000000A';
    const [stuck] = parsePgBackRestInfo(JSON.stringify(doc));
    expect(stuck.archive?.newestArchivedAt).toBe('2026-11-29T16:00:33.000Z');
  });

  it('reads a held backup lock as a backup in progress', () => {
    const doc = JSON.parse(fixture);
    doc[0].status.lock.backup.held = true;
    expect(parsePgBackRestInfo(JSON.stringify(doc))[0].backupInProgress).toBe(
      true,
    );
  });

  it.each([
    [
      'missing stanza path',
      {
        name: 'trading-db',
        status: { code: 1, message: 'missing stanza path' },
        repo: [
          {
            cipher: 'none',
            key: 1,
            status: { code: 1, message: 'missing stanza path' },
          },
        ],
        backup: [],
        db: [],
        archive: [],
      },
      'repo1: missing stanza path',
    ],
    [
      'other (unreadable repository)',
      {
        name: 'trading-db',
        status: { code: 99, message: 'other' },
        repo: [
          {
            key: 1,
            status: {
              code: 99,
              message:
                "[PathOpenError] unable to list file info for path '/var/lib/pgbackrest/archive/trading-db': [13] Permission denied",
            },
          },
        ],
      },
      "repo1: [PathOpenError] unable to list file info for path '/var/lib/pgbackrest/archive/trading-db': [13] Permission denied",
    ],
  ])(
    'a stanza status %s is a repository error with the repo message',
    (_, stanza, message) => {
      const [parsed] = parsePgBackRestInfo(JSON.stringify([stanza]));
      expect(parsed.repositoryError).toBe(message);
      expect(parsed.backups).toEqual([]);
    },
  );

  it('no valid backups (code 2) is not a repository error', () => {
    const [parsed] = parsePgBackRestInfo(
      JSON.stringify([
        {
          name: 'trading-db',
          status: { code: 2, message: 'no valid backups' },
          repo: [{ key: 1, status: { code: 2, message: 'no valid backups' } }],
          backup: [],
        },
      ]),
    );
    expect(parsed.repositoryError).toBeUndefined();
  });

  it('falls back to the stanza message when no repo says more', () => {
    const [parsed] = parsePgBackRestInfo(
      JSON.stringify([
        { name: 'x', status: { code: 3, message: 'missing stanza data' } },
      ]),
    );
    expect(parsed.repositoryError).toBe('missing stanza data');
  });

  it.each([
    ['garbage', 'not json at all', 'invalid-json'],
    ['truncated', fixture.slice(0, fixture.length / 2), 'invalid-json'],
    ['empty', '', 'invalid-json'],
    ['an object', '{"name":"x"}', 'unexpected-shape'],
    [
      'a bad timestamp',
      fixture.replace('"start": 17', '"start": "17'),
      'invalid-json',
    ],
    [
      'a string timestamp',
      fixture.replace(/"start": (17\d+)/, '"start": "$1"'),
      'unexpected-shape',
    ],
    [
      'an unknown backup type',
      fixture.replace('"full"', '"snapshot"'),
      'unexpected-shape',
    ],
  ])('%s is a typed parse error', (_, text, reason) => {
    const error = parseError(text);
    expect(error).toBeInstanceOf(PgBackRestInfoError);
    expect(error.reason).toBe(reason);
    expect(error.message).toMatch(/^pgbackrest info output is not/);
  });

  it('names the bad field', () => {
    const error = parseError(
      fixture.replace(/"start": (17\d+)/, '"start": "$1"'),
    );
    expect(error.message).toContain('0.backup.0.timestamp.start');
  });
});

describe('stanzaObservation', () => {
  it('is the listed stanza', () => {
    const stanzas = parsePgBackRestInfo(fixture);
    expect(stanzaObservation(stanzas, 'trading-db')).toBe(stanzas[0]);
  });

  it('is a repository error when info prints [] (missing repository)', () => {
    const observation = stanzaObservation(
      parsePgBackRestInfo('[]'),
      'trading-db',
    );
    expect(observation.backups).toEqual([]);
    expect(observation.repositoryError).toBe(
      "pgBackRest lists no stanza 'trading-db': the repository is missing, empty or holds other stanzas",
    );
  });
});
