import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './backendProcess';

const run = promisify(execFile);

/** Debian's PostgreSQL server binaries (the newest installed major version). */
function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter(v => fs.existsSync(path.join(root, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      'No PostgreSQL server binaries under /usr/lib/postgresql: apt-get install postgresql',
    );
  }
  return path.join(root, versions[0], 'bin');
}

/**
 * A PostgreSQL cluster of its own (data directory, port and socket directory
 * under a temp dir), so a test can restart it without touching the
 * machine's shared server. The server refuses to run as root: every command
 * runs as the `postgres` user.
 */
export class PrivatePostgres {
  readonly host = '127.0.0.1';
  readonly user = 'postgres';

  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly bin: string,
  ) {}

  static async start(): Promise<PrivatePostgres> {
    const bin = postgresBinDir();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdp-private-pg-'));
    await run('chown', ['postgres:postgres', dir]);
    const pg = new PrivatePostgres(await freePort(), dir, bin);
    await pg.asPostgres('initdb', [
      '-D',
      pg.dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--no-sync',
    ]);
    await pg.asPostgres('pg_ctl', [
      '-D',
      pg.dataDir,
      '-l',
      path.join(dir, 'server.log'),
      '-o',
      `-p ${pg.port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300`,
      '-w',
      'start',
    ]);
    // a test that dies before stop() must not leave a server behind
    process.once('exit', pg.stopAtExit);
    return pg;
  }

  private get dataDir() {
    return path.join(this.dir, 'data');
  }

  private async asPostgres(tool: string, args: string[]) {
    await run('runuser', [
      '-u',
      'postgres',
      '--',
      path.join(this.bin, tool),
      ...args,
    ]);
  }

  /** The backend's `backend.database` block for this cluster. */
  databaseConfig(prefix: string): string {
    return `  database:
    client: pg
    prefix: ${prefix}
    connection:
      host: ${this.host}
      port: ${this.port}
      user: ${this.user}`;
  }

  /** Fast shutdown (open sessions are disconnected) and start again, as `pg_ctlcluster restart` does. */
  async restart(): Promise<void> {
    await this.asPostgres('pg_ctl', [
      '-D',
      this.dataDir,
      '-l',
      path.join(this.dir, 'server.log'),
      '-m',
      'fast',
      '-w',
      'restart',
    ]);
  }

  async stop(): Promise<void> {
    process.off('exit', this.stopAtExit);
    await this.asPostgres('pg_ctl', [
      '-D',
      this.dataDir,
      '-m',
      'immediate',
      '-w',
      'stop',
    ]).catch(() => undefined);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private readonly stopAtExit = () => {
    spawnSync('runuser', [
      '-u',
      'postgres',
      '--',
      path.join(this.bin, 'pg_ctl'),
      '-D',
      this.dataDir,
      '-m',
      'immediate',
      'stop',
    ]);
  };
}
