/*
 * The real backend (packages/backend/src/index.ts) killed with SIGKILL while
 * 1,000 incident creates are in flight, then started again on the same
 * database: every create that was answered 201 is there (GET by id) and no
 * incident exists twice (counted by its unique title). On SQLite files and
 * on a PostgreSQL cluster of the test's own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BackendProcess,
  eventually,
  freePort,
  guestToken,
} from '../testing/backendProcess';
import { PrivatePostgres } from '../testing/privatePostgres';
import { PortalApi } from './portalApi';

const CREATES = 1000;
/** Answers before the kill: enough to check, few enough that most are still in flight. */
const KILL_AFTER_CREATED = 200;

jest.setTimeout(180_000);

interface Target {
  databaseConfig: string;
  cleanup: () => Promise<void>;
}

async function sqliteTarget(): Promise<Target> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdp-crash-sqlite-'));
  return {
    databaseConfig: `  database: { client: better-sqlite3, connection: { directory: ${dir} } }`,
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresTarget(): Promise<Target> {
  const pg = await PrivatePostgres.start();
  return {
    databaseConfig: pg.databaseConfig('fdp_crash_'),
    cleanup: () => pg.stop(),
  };
}

/** Starts the backend on `port` and signs in as guest once incidents answer. */
async function boot(port: number, databaseConfig: string) {
  const baseUrl = `http://127.0.0.1:${port}`;
  const backend = BackendProcess.start({
    configOverride: `
app: { baseUrl: ${baseUrl} }
backend:
  baseUrl: ${baseUrl}
  listen: { port: ${port}, host: 127.0.0.1 }
${databaseConfig}
`,
  });
  const abort = () =>
    backend.hasExited
      ? `backend exited:\n${backend.log().slice(-3000)}`
      : undefined;
  const token = await eventually(() => guestToken(baseUrl), {
    timeoutMs: 120_000,
    what: 'guest sign-in',
    abort,
  });
  const api = new PortalApi(baseUrl, token);
  await eventually(
    async () =>
      (await api.get('/api/incidents/levels')).status === 200 || undefined,
    { timeoutMs: 60_000, what: 'incidents plugin', abort },
  );
  return { backend, api };
}

/** Every incident whose title contains `tag`, through the paged list. */
async function titlesMatching(api: PortalApi, tag: string): Promise<string[]> {
  const titles: string[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ q: tag, limit: '100' });
    if (cursor) query.set('cursor', cursor);
    const { status, body } = await api.get(`/api/incidents/incidents?${query}`);
    expect(status).toBe(200);
    titles.push(...body.items.map((i: { title: string }) => i.title));
    cursor = body.nextCursor;
  } while (cursor);
  return titles;
}

describe.each([
  ['SQLite', sqliteTarget],
  ['PostgreSQL', postgresTarget],
])('incident creates across a SIGKILL on %s', (_name, makeTarget) => {
  let target: Target;
  let backend: BackendProcess | undefined;

  beforeAll(async () => {
    target = await makeTarget();
  });
  afterAll(async () => {
    await backend?.stop();
    await target?.cleanup();
  });

  it('keeps every acknowledged create, none twice', async () => {
    const port = await freePort();
    const first = await boot(port, target.databaseConfig);
    backend = first.backend;

    const tag = `crash-${Date.now().toString(36)}`;
    const created = new Map<string, string>(); // title → id
    let failed = 0;
    let killed: Promise<unknown> | undefined;
    const kill = () => {
      const pid = first.backend.pid!;
      killed ??= Promise.all([
        first.backend.waitForExit(),
        Promise.resolve(process.kill(pid, 'SIGKILL')),
      ]);
    };
    await Promise.all(
      Array.from({ length: CREATES }, async (_, i) => {
        const title = `${tag} #${i}`;
        try {
          const res = await first.api.send('POST', '/api/incidents/incidents', {
            title,
            level: 'P3',
          });
          if (res.status === 201) {
            created.set(title, res.body.id);
            if (created.size === KILL_AFTER_CREATED) kill();
          } else {
            failed++;
          }
        } catch {
          // the connection died with the process: not acknowledged
          failed++;
        }
      }),
    );
    await killed;
    expect(first.backend.hasExited).toBe(true);
    // the kill came while creates were still in flight
    expect(created.size).toBeGreaterThanOrEqual(KILL_AFTER_CREATED);
    expect(failed).toBeGreaterThan(0);
    expect(created.size + failed).toBe(CREATES);

    const second = await boot(port, target.databaseConfig);
    backend = second.backend;
    const missing: string[] = [];
    const ids = [...created];
    for (let start = 0; start < ids.length; start += 25) {
      await Promise.all(
        ids.slice(start, start + 25).map(async ([title, id]) => {
          const { status, body } = await second.api.get(
            `/api/incidents/incidents/${id}`,
          );
          if (status !== 200 || body.incident.title !== title) {
            missing.push(`${title} (${id}): ${status}`);
          }
        }),
      );
    }
    expect(missing).toEqual([]);

    const titles = await titlesMatching(second.api, tag);
    const counts = new Map<string, number>();
    for (const title of titles) counts.set(title, (counts.get(title) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
    for (const title of created.keys()) {
      expect([title, counts.get(title)]).toEqual([title, 1]);
    }
    // at most the creates that were sent, acknowledged or not
    expect(titles.length).toBeLessThanOrEqual(CREATES);
  });
});
