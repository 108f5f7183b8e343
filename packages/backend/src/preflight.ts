import { ConfigSources } from '@backstage/config-loader';
import { Config } from '@backstage/config';
import { Client } from 'pg';
import net from 'node:net';
import { missingCatalogFiles } from './preflightCatalog';

/** Where the configured services live, as a person would name them. */
export interface ServiceTarget {
  service: 'PostgreSQL' | 'Redis';
  host: string;
  port: number;
  /** Which config key to fix. */
  configKey: string;
}

/** The external services this configuration needs, read from config alone. */
export function externalTargets(config: Config): ServiceTarget[] {
  const targets: ServiceTarget[] = [];
  if (config.getOptionalString('backend.database.client') === 'pg') {
    const connection = config.getOptional('backend.database.connection');
    let host = 'localhost';
    let port = 5432;
    if (typeof connection === 'string') {
      const url = new URL(connection);
      host = url.hostname || host;
      port = Number(url.port || port);
    } else if (connection && typeof connection === 'object') {
      const c = connection as { host?: string; port?: string | number };
      host = c.host || host;
      port = Number(c.port || port);
    }
    targets.push({
      service: 'PostgreSQL',
      host,
      port,
      configKey: 'backend.database.connection',
    });
  }
  if (config.getOptionalString('backend.cache.store') === 'redis') {
    const url = new URL(config.getString('backend.cache.connection'));
    targets.push({
      service: 'Redis',
      host: url.hostname,
      port: Number(url.port || 6379),
      configKey: 'backend.cache.connection',
    });
  }
  return targets;
}

/**
 * Long enough for a PostgreSQL that is up but slow to answer (a freshly
 * started one on a loaded 2-core machine missed 5 s in a test run); a refused
 * or unresolvable host still fails at once.
 */
const POSTGRES_CONNECT_TIMEOUT_MS = 20_000;

async function probePostgres(config: Config, target: ServiceTarget) {
  const connection = config.get('backend.database.connection');
  const client = new Client(
    typeof connection === 'string'
      ? {
          connectionString: connection,
          connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS,
        }
      : {
          ...(connection as object),
          port: target.port,
          database: 'postgres',
          connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS,
        },
  );
  try {
    await client.connect();
  } finally {
    await client.end().catch(() => undefined);
  }
}

function probeTcp(target: ServiceTarget) {
  return new Promise<void>((resolve, reject) => {
    const socket = net.connect({ host: target.host, port: target.port });
    socket.setTimeout(5000, () => {
      socket.destroy(new Error('timed out after 5 s'));
    });
    socket.once('connect', () => {
      socket.end();
      resolve();
    });
    socket.once('error', reject);
  });
}

/**
 * Checks that the catalog's file locations exist and that the database and
 * cache the configuration names can be reached, and fails with one line
 * naming the location, or the service, host, port and config key, rather than
 * an empty catalog or a stack trace from deep inside a plugin's start-up.
 */
export async function preflight(argv: string[]) {
  // The same config sources the backend's rootConfig service reads.
  const source = ConfigSources.default({ argv });
  const config = await ConfigSources.toConfig(source);
  try {
    const missing = missingCatalogFiles(config);
    if (missing.length > 0) {
      throw new Error(missing.join(' '));
    }
    for (const target of externalTargets(config)) {
      try {
        if (target.service === 'PostgreSQL') {
          await probePostgres(config, target);
        } else {
          await probeTcp(target);
        }
      } catch (error) {
        const reason = (error as Error & { code?: string }).code
          ? `${(error as { code: string }).code}: ${(error as Error).message}`
          : (error as Error).message;
        throw new Error(
          `${target.service} at ${target.host}:${target.port} is unreachable (${reason}). ` +
            `Check ${target.configKey} in your app-config or its environment variables.`,
        );
      }
    }
  } finally {
    config.close();
  }
}
