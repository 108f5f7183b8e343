import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PG_BIN = '/usr/lib/postgresql/15/bin';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A private PostgreSQL 15 cluster archiving its WAL into a private pgBackRest
 * 2.45 posix repository (Debian packages), all under one temporary directory
 * owned by postgres; both run as user postgres, so a repository made
 * unreadable is unreadable to pgBackRest too (root would read it anyway).
 */
export class PgBackRestCluster {
  readonly stanza = 'test-db';

  private constructor(readonly dir: string, readonly port: number) {}

  get conf() {
    return path.join(this.dir, 'pgbackrest.conf');
  }
  get repo() {
    return path.join(this.dir, 'repo');
  }
  get connection() {
    return `postgresql://postgres@127.0.0.1:${this.port}/postgres`;
  }
  /** `pgbackrest info --output=json` as the portal's config would name it. */
  get infoCommand(): string[] {
    return [
      'runuser',
      '-u',
      'postgres',
      '--',
      'pgbackrest',
      `--config=${this.conf}`,
      'info',
      '--output=json',
    ];
  }

  static async start(): Promise<PgBackRestCluster> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdp-backups-pg-'));
    const cluster = new PgBackRestCluster(dir, await freePort());
    for (const sub of ['sock', 'log', 'lock', 'spool', 'repo']) {
      fs.mkdirSync(path.join(dir, sub));
    }
    fs.writeFileSync(
      cluster.conf,
      [
        '[global]',
        `repo1-path=${cluster.repo}`,
        `log-path=${dir}/log`,
        `lock-path=${dir}/lock`,
        `spool-path=${dir}/spool`,
        'log-level-console=warn',
        'log-level-file=off',
        'start-fast=y',
        'compress-type=none',
        '',
        `[${cluster.stanza}]`,
        `pg1-path=${dir}/data`,
        `pg1-port=${cluster.port}`,
        `pg1-socket-path=${dir}/sock`,
        '',
      ].join('\n'),
    );
    await run('chown', ['-R', 'postgres:postgres', dir]);
    await cluster.asPostgres(`${PG_BIN}/initdb`, [
      '-D',
      `${dir}/data`,
      '-U',
      'postgres',
      '--auth=trust',
      '--no-sync',
    ]);
    fs.appendFileSync(
      `${dir}/data/postgresql.conf`,
      [
        `port = ${cluster.port}`,
        `unix_socket_directories = '${dir}/sock'`,
        `listen_addresses = '127.0.0.1'`,
        'fsync = off',
        'wal_level = replica',
        'archive_mode = on',
        `archive_command = 'pgbackrest --config=${cluster.conf} --stanza=${cluster.stanza} archive-push %p'`,
        '',
      ].join('\n'),
    );
    await cluster.asPostgres(`${PG_BIN}/pg_ctl`, [
      '-D',
      `${dir}/data`,
      '-l',
      `${dir}/log/postgresql.log`,
      '-w',
      'start',
    ]);
    await cluster.pgbackrest('stanza-create');
    return cluster;
  }

  async asPostgres(file: string, args: string[]): Promise<string> {
    const { stdout } = await run(
      'runuser',
      ['-u', 'postgres', '--', file, ...args],
      {
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return stdout;
  }

  pgbackrest(command: string, ...args: string[]): Promise<string> {
    return this.asPostgres('pgbackrest', [
      `--config=${this.conf}`,
      `--stanza=${this.stanza}`,
      ...args,
      command,
    ]);
  }

  /** One SQL statement through psql; its unaligned output. */
  psql(sql: string): Promise<string> {
    return this.asPostgres(`${PG_BIN}/psql`, [
      '-h',
      `${this.dir}/sock`,
      '-p',
      String(this.port),
      '-d',
      'postgres',
      '-Atq',
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      sql,
    ]).then(out => out.trim());
  }

  async stop(): Promise<void> {
    fs.chmodSync(this.repo, 0o750);
    await this.asPostgres(`${PG_BIN}/pg_ctl`, [
      '-D',
      `${this.dir}/data`,
      '-m',
      'immediate',
      '-w',
      'stop',
    ]).catch(() => undefined);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
