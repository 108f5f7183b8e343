import { Client } from 'pg';

/**
 * When the database last archived a WAL segment successfully
 * (`pg_stat_archiver.last_archived_time`), the source of the WAL lag: the
 * JSON of `pgbackrest info` has no WAL times. `pg` directly rather than a
 * knex pool: one short query per refresh round, no connection kept open.
 */
export async function lastArchivedTime(
  connection: string,
  timeoutMs: number,
): Promise<string | undefined> {
  const client = new Client({
    connectionString: connection,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
  });
  await client.connect();
  try {
    const { rows } = await client.query<{ last_archived_time: Date | null }>(
      'SELECT last_archived_time FROM pg_stat_archiver',
    );
    return rows[0]?.last_archived_time?.toISOString();
  } finally {
    await client.end();
  }
}
