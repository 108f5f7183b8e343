/*
 * The dev demo's trading-db: the simulator writes the `pgbackrest info` JSON
 * a CronJob would (scripts/dev.sh, --pgbackrest-info-out) and the portal
 * reads it as configured in app-config.yaml, against the documented policy.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { pgBackRestInfo } from '@fdp/platform-sim';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBackupsConfig } from './config';
import { PgBackRestProvider } from './providers/pgbackrest/PgBackRestProvider';
import { BackupsService } from './service/BackupsService';

describe("the simulator's pgBackRest info for the demo", () => {
  it.each([
    ['a Tuesday morning in Seoul', '2026-12-01T01:00:00Z'],
    ['a Sunday just after the full backup', '2026-11-28T16:30:00Z'],
  ])('is read as backed up by the documented policy on %s', async (_, at) => {
    const now = new Date(at);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdp-backups-demo-'));
    try {
      const file = path.join(dir, 'pgbackrest-info.json');
      fs.writeFileSync(
        file,
        pgBackRestInfo({ stanza: 'trading-db', nowMs: now.getTime() }),
      );
      const config = parseBackupsConfig({
        pgbackrest: [
          {
            name: 'trading-db-repo',
            file,
            stanzas: [{ target: 'trading-db' }],
          },
        ],
      });
      const service = new BackupsService({
        policies: config.policies,
        providers: config.pgbackrest.map(c => new PgBackRestProvider(c)),
        logger: mockServices.logger.mock(),
        now: () => now,
      });
      await service.refresh();
      const target = service.getTarget('trading-db')!;
      // only the documented policy's own inconsistency (WAL kept 30 days,
      // fulls 4 weeks): nothing about the backups
      expect(target.violations.map(v => v.code)).toEqual([
        'POLICY_INCONSISTENT',
      ]);
      expect(target).toMatchObject({
        stanza: 'trading-db',
        repository: 'repo1',
        status: 'warning',
      });
      expect(target.recoveryWindow).toBeDefined();
      expect(target.rpoMs).toBeLessThan(25 * 3600_000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
