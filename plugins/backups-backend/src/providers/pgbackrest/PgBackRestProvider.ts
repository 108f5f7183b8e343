import { LoggerService } from '@backstage/backend-plugin-api';
import {
  parsePgBackRestInfo,
  TargetObservation,
} from '@fdp/plugin-backups-common';
import { PgBackRestSourceConfig } from '../../config';
import { BackupProvider, TargetSpec } from '../types';
import { lastArchivedTime } from './archiverTime';
import { observeStanza } from './observeStanza';
import { readPgBackRestInfo } from './readInfo';

/**
 * pgBackRest: one `pgbackrest info --output=json` (a command, or the file a
 * CronJob writes) per round for all stanzas of the source. `info` exits 0
 * even when a repository is unreadable; the stanza's status in the JSON
 * carries pgBackRest's own message, which the parser turns into
 * `repositoryError`. The newest archived WAL's time comes from the
 * database's `pg_stat_archiver` when a stanza names an `archiver`
 * connection; otherwise only from a backup stopping at the newest segment.
 */
export class PgBackRestProvider implements BackupProvider {
  readonly type = 'pgbackrest';
  readonly name: string;
  readonly targets: readonly TargetSpec[];

  constructor(
    private readonly config: PgBackRestSourceConfig,
    private readonly logger?: LoggerService,
  ) {
    this.name = config.name;
    this.targets = config.stanzas.map(s => ({
      name: s.target,
      policy: s.policy,
    }));
  }

  async observe(): Promise<Map<string, TargetObservation>> {
    const stanzas = parsePgBackRestInfo(await readPgBackRestInfo(this.config));
    const result = new Map<string, TargetObservation>();
    await Promise.all(
      this.config.stanzas.map(async s => {
        const stanza = observeStanza(stanzas, s.stanza ?? s.target);
        const obs: TargetObservation = {
          backups: stanza.backups,
          archive: stanza.archive,
          repositoryError: stanza.repositoryError,
          backupInProgress: stanza.backupInProgress,
        };
        if (s.archiver && obs.archive && !obs.repositoryError) {
          try {
            const at = await lastArchivedTime(
              s.archiver.connection,
              this.config.timeoutSeconds * 1000,
            );
            if (at) {
              obs.archive = { ...obs.archive, newestArchivedAt: at };
            }
          } catch (error) {
            // the backups still say something: no lag verdict this round
            this.logger?.warn(
              `backups: pg_stat_archiver of ${s.target} unreadable: ${error}`,
            );
          }
        }
        result.set(s.target, obs);
      }),
    );
    return result;
  }
}
