import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * The repository root (this file is packages/backend/src/testing). Test-only
 * code that always runs from source, so __dirname is reliable here.
 */
// eslint-disable-next-line no-restricted-syntax
export const repoRoot = path.resolve(__dirname, '../../../..');

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface BackendProcessOptions {
  /** Extra config layered over the given config files, as YAML text. */
  configOverride: string;
  /**
   * Config files relative to the repo root; default the development layering
   * (DEVELOPMENT_CONFIG: guest and test-user sign-in).
   */
  configFiles?: string[];
  env?: Record<string, string>;
}

/** What scripts/dev.sh loads: app-config.yaml and the development sign-ins. */
export const DEVELOPMENT_CONFIG = [
  'app-config.yaml',
  'app-config.development.yaml',
];

/** What production loads (README, deploy/portal). */
export const PRODUCTION_CONFIG = [
  'app-config.yaml',
  'app-config.production.yaml',
];

/** The portal's real backend (packages/backend/src/index.ts) in a child process. */
export class BackendProcess {
  readonly output: string[] = [];
  private exitCode: number | null | undefined = undefined;
  private readonly exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', d => this.output.push(String(d)));
    child.stderr?.on('data', d => this.output.push(String(d)));
    this.exited = new Promise(resolve =>
      child.once('exit', code => {
        this.exitCode = code;
        resolve(code);
      }),
    );
  }

  /** Starts the backend from source, the way `yarn start` runs it. */
  static start(options: BackendProcessOptions): BackendProcess {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdp-backend-'));
    const override = path.join(dir, 'app-config.test.yaml');
    fs.writeFileSync(override, options.configOverride);
    const configArgs = (options.configFiles ?? DEVELOPMENT_CONFIG)
      .flatMap(f => ['--config', path.join(repoRoot, f)])
      .concat(['--config', override]);
    const child = spawn(
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        path.join(repoRoot, 'packages/backend/src/index.ts'),
        ...configArgs,
      ],
      {
        cwd: path.join(repoRoot, 'packages/backend'),
        env: { ...process.env, NODE_ENV: 'development', ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    return new BackendProcess(child);
  }

  /** Resolves with the exit code once the process has ended. */
  waitForExit(): Promise<number | null> {
    return this.exited;
  }

  /** The process id (for reading its memory use). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  get hasExited(): boolean {
    return this.exitCode !== undefined;
  }

  async stop(): Promise<void> {
    if (!this.hasExited) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
      await this.exited;
      clearTimeout(timer);
    }
  }

  log(): string {
    return this.output.join('');
  }
}

/** Polls `fn` until it returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(
  fn: () => Promise<T | undefined>,
  options: {
    timeoutMs: number;
    what: string;
    abort?: () => string | undefined;
  },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const aborted = options.abort?.();
    if (aborted) {
      throw new Error(`${options.what}: ${aborted}`);
    }
    try {
      const value = await fn();
      if (value !== undefined) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(
    `${options.what}: timed out after ${options.timeoutMs} ms (${
      lastError ?? 'no value'
    })`,
  );
}

/** A guest user token, as the frontend gets it. */
export async function guestToken(baseUrl: string): Promise<string> {
  return signInToken(baseUrl, 'guest');
}

/**
 * A token of the catalog user `user:default/<name>` through the development
 * test-user sign-in (app-config.development.yaml).
 */
export async function testUserToken(
  baseUrl: string,
  name: string,
): Promise<string> {
  return signInToken(baseUrl, 'test-user', { 'x-fdp-test-user': name });
}

async function signInToken(
  baseUrl: string,
  provider: string,
  headers: Record<string, string> = {},
): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/${provider}/refresh`, {
    method: 'POST',
    headers: { 'X-Requested-With': 'XMLHttpRequest', ...headers },
  });
  if (!res.ok) {
    throw new Error(`${provider} refresh ${res.status}`);
  }
  const body = await res.json();
  return body.backstageIdentity.token;
}
