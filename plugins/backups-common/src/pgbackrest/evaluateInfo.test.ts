import { readFileSync } from 'fs';
import { join } from 'path';
import { policyClock } from '../clock';
import { evaluateTarget } from '../evaluate';
import { DatabaseBackupPolicy } from '../policy';
import { parsePoliciesConfig } from '../policyConfig';
import { parsePgBackRestInfo, stanzaObservation } from './parseInfo';

// The fixture through the parser into the evaluation, as the backend and
// backups-check do it.
const fixture = readFileSync(
  join(__dirname, '__fixtures__', 'info-2.45.json'),
  'utf8',
);
const [policy] = parsePoliciesConfig({
  postgresql: {
    full: { schedule: '0 1 * * 0', retention: '2w' },
    walArchive: { retention: '2w', lag: { warning: '15m', critical: '1h' } },
  },
}) as DatabaseBackupPolicy[];

describe('a pgBackRest stanza evaluated', () => {
  it('reports the checksum errors loudly and the rest in order', () => {
    // Monday 30 November 2026, 01:10 in Seoul
    const now = new Date('2026-11-29T16:10:00Z');
    const stanza = stanzaObservation(
      parsePgBackRestInfo(fixture),
      'trading-db',
    );
    const e = evaluateTarget(stanza, policyClock(policy, now));
    expect(e.violations.map(v => [v.code, v.severity])).toEqual([
      ['BACKUP_CHECKSUM_ERRORS', 'critical'],
    ]);
    expect(e.status).toBe('critical');
    expect(e.lastFull?.id).toBe('20261129-010001F');
    expect(e.lastIncremental?.id).toBe('20261129-010001F_20261130-010004I');
    // the newest WAL (0B) is past the newest backup: its time is unknown
    expect(e.recoveryWindow).toEqual({
      from: '2026-11-21T16:05:14.000Z',
      to: '2026-11-29T16:00:33.000Z',
      toBasis: 'backup',
    });
    expect(e.rpoMs).toBe(
      now.getTime() - Date.parse('2026-11-29T16:00:33.000Z'),
    );
  });

  it('a missing stanza is a repository error, not "no backups"', () => {
    const e = evaluateTarget(
      stanzaObservation(parsePgBackRestInfo('[]'), 'trading-db'),
      policyClock(policy, new Date('2026-11-29T16:10:00Z')),
    );
    expect(e.violations.map(v => v.code)).toEqual(['REPOSITORY_ERROR']);
  });
});
