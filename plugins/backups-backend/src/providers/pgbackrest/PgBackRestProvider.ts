import { LoggerService } from '@backstage/backend-plugin-api';
import {
  parsePgBackRestInfo,
  PgBackRestStanza,
} from '@fdp/plugin-backups-common';
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { PgBackRestSourceConfig } from '../../config';
import { BackupProvider, ProviderObservation, TargetSpec } from '../types';
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
  readonly label = 'pgBackRest';
  readonly name: string;
  readonly targets: readonly TargetSpec[];
  /**
   * The last output's digest (and, for a file, its inode, size and mtime)
   * and its stanzas: an unchanged output is not parsed again, an unchanged
   * file not even read.
   */
  private last?: {
    digest: string;
    fileVersion?: string;
    stanzas: PgBackRestStanza[];
  };

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

  async observe(): Promise<Map<string, ProviderObservation>> {
    const stanzas = await this.stanzas();
    const result = new Map<string, ProviderObservation>();
    await Promise.all(
      this.config.stanzas.map(async s => {
        const stanza = observeStanza(stanzas, s.stanza ?? s.target);
        const obs: ProviderObservation = {
          stanza: stanza.name,
          // the restore command names it when there is exactly one
          repository: stanza.repositories?.join(', '),
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

  private async stanzas(): Promise<PgBackRestStanza[]> {
    // a file a CronJob rewrites: unchanged inode, size and mtime, unchanged
    // content (reading, decoding and hashing 500 × 0.5 MB is most of a round)
    const fileVersion = this.config.file
      ? await stat(this.config.file).then(
          s => `${s.ino}:${s.size}:${s.mtimeMs}`,
          () => undefined, // reading it says why
        )
      : undefined;
    if (fileVersion && this.last?.fileVersion === fileVersion) {
      return this.last.stanzas;
    }
    const text = await readPgBackRestInfo(this.config);
    // parsing is most of a round's cost (≈10 ms for 1,000 backups) and the
    // output only changes when a backup or an expire ran
    // (a digest, not the text: 500 sources of 1,000 backups are ~350 MB of text)
    const digest = createHash('sha256').update(text).digest('hex');
    const stanzas =
      this.last?.digest === digest
        ? this.last.stanzas
        : parsePgBackRestInfo(text);
    this.last = { digest, fileVersion, stanzas };
    return stanzas;
  }
}
