/**
 * A small raw HTTP client for one cluster. Authentication comes from an
 * {@link Authenticate} asked before every request and watch (the official
 * backend's auth strategies, or a kubeconfig through
 * `@kubernetes/client-node`), so rotated credentials and CAs apply to the next
 * request; requests are plain node:https so list pages and watch events stay
 * raw JSON (no model classes, no Date conversion) and the cache hands out
 * exactly what the API server sent.
 */
import http from 'node:http';
import https from 'node:https';
import { Authenticate, TlsMaterial } from './requestAuth';

/** A failed Kubernetes API call. */
export class KubeApiError extends Error {
  constructor(
    message: string,
    readonly statusCode?: number,
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'KubeApiError';
  }
}

/** True for 410 Gone / Expired (resourceVersion or continue token too old). */
export function isGone(error: unknown): boolean {
  return error instanceof KubeApiError && error.statusCode === 410;
}

function statusError(
  statusCode: number,
  body: string,
  path: string,
): KubeApiError {
  let message = body.slice(0, 300);
  let reason: string | undefined;
  try {
    const status = JSON.parse(body);
    if (status?.message) message = status.message;
    reason = status?.reason;
  } catch {
    // not a Status body
  }
  return new KubeApiError(
    `HTTP ${statusCode} for ${path.split('?')[0]}: ${message}`,
    statusCode,
    reason,
  );
}

export interface WatchHandlers {
  /** the server accepted the watch (HTTP 200) */
  onOpen?: () => void;
  onEvent: (type: string, object: any) => void;
}

export class KubeClient {
  private agent?: http.Agent;
  /** the TLS material the agent was made with */
  private agentTls?: string;
  private readonly url: URL;

  constructor(server: string, private readonly authenticate: Authenticate) {
    this.url = new URL(server);
  }

  /** `host:port` of the API server, for messages. */
  get hostPort(): string {
    const port =
      this.url.port || (this.url.protocol === 'https:' ? '443' : '80');
    return `${this.url.hostname}:${port}`;
  }

  /**
   * The pooled agent for this TLS material: a new one (the old one closed)
   * when the CA or client certificate changed, e.g. a rotated `caFile`.
   */
  private agentFor(tls: TlsMaterial): http.Agent {
    if (this.url.protocol !== 'https:') {
      this.agent ??= new http.Agent({ keepAlive: true });
      return this.agent;
    }
    const text = (v: unknown) =>
      Buffer.isBuffer(v) ? v.toString('base64') : JSON.stringify(v ?? null);
    const key = [
      tls.ca,
      tls.cert,
      tls.key,
      tls.pfx,
      tls.passphrase,
      tls.servername,
      tls.rejectUnauthorized,
    ]
      .map(text)
      .join('\n');
    if (!this.agent || this.agentTls !== key) {
      this.agent?.destroy();
      this.agentTls = key;
      this.agent = new https.Agent({
        ca: tls.ca,
        cert: tls.cert,
        key: tls.key,
        pfx: tls.pfx,
        passphrase: tls.passphrase,
        servername: tls.servername,
        ...(tls.rejectUnauthorized !== undefined && {
          rejectUnauthorized: tls.rejectUnauthorized,
        }),
        keepAlive: true,
      });
    }
    return this.agent;
  }

  private async options(path: string): Promise<http.RequestOptions> {
    const auth = await this.authenticate();
    return {
      protocol: this.url.protocol,
      hostname: this.url.hostname.replace(/^\[|\]$/g, ''),
      port: this.url.port || undefined,
      path: this.url.pathname.replace(/\/$/, '') + path,
      method: 'GET',
      headers: { Accept: 'application/json', ...auth.headers },
      auth: auth.basicAuth,
      agent: this.agentFor(auth.tls),
    };
  }

  private request(
    opts: http.RequestOptions,
    callback: (res: http.IncomingMessage) => void,
  ): http.ClientRequest {
    return opts.protocol === 'https:'
      ? https.request(opts, callback)
      : http.request(opts, callback);
  }

  /** GET a JSON document. Rejects with {@link KubeApiError} on non-2xx. */
  async getJson<T = any>(
    path: string,
    options: { signal?: AbortSignal; timeoutMs?: number } = {},
  ): Promise<T> {
    const opts = await this.options(path);
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void) => {
        if (!settled) {
          settled = true;
          fn();
        }
      };
      const req = this.request({ ...opts, signal: options.signal }, res => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', e => settle(() => reject(e)));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) {
            settle(() => reject(statusError(status, body, path)));
            return;
          }
          try {
            const parsed = JSON.parse(body);
            settle(() => resolve(parsed));
          } catch {
            settle(() =>
              reject(new KubeApiError(`invalid JSON from ${path}`, status)),
            );
          }
        });
      });
      req.setTimeout(options.timeoutMs ?? 60_000, () =>
        req.destroy(
          new Error(`no answer within ${options.timeoutMs ?? 60_000} ms`),
        ),
      );
      req.on('error', e => settle(() => reject(e)));
      req.end();
    });
  }

  /**
   * Streams a watch. Resolves when the server ends the stream normally,
   * rejects on HTTP errors, ERROR events (410 → {@link isGone}), broken
   * connections and when no byte arrived for `idleTimeoutMs`.
   */
  async watch(
    path: string,
    handlers: WatchHandlers,
    options: { signal?: AbortSignal; idleTimeoutMs?: number } = {},
  ): Promise<void> {
    const opts = await this.options(path);
    const idleMs = options.idleTimeoutMs ?? 360_000;
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      let req: http.ClientRequest | undefined = undefined;
      const finish = (error?: unknown) => {
        if (settled) return;
        settled = true;
        if (error) {
          req?.destroy();
          reject(error);
        } else {
          resolve();
        }
      };
      req = this.request({ ...opts, signal: options.signal }, res => {
        const status = res.statusCode ?? 0;
        if (status !== 200) {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            finish(
              statusError(status, Buffer.concat(chunks).toString('utf8'), path),
            ),
          );
          res.on('error', e => finish(e));
          return;
        }
        handlers.onOpen?.();
        res.setEncoding('utf8');
        let buffer = '';
        let ended = false;
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let nl = buffer.indexOf('\n');
          while (nl >= 0 && !settled) {
            const line = buffer.slice(0, nl).trim();
            buffer = buffer.slice(nl + 1);
            nl = buffer.indexOf('\n');
            if (!line) continue;
            let event: any;
            try {
              event = JSON.parse(line);
            } catch {
              finish(new KubeApiError(`invalid watch event from ${path}`));
              return;
            }
            if (event?.type === 'ERROR') {
              const s = event.object ?? {};
              finish(
                new KubeApiError(
                  `watch error ${s.code ?? ''} for ${path.split('?')[0]}: ${
                    s.message ?? s.reason ?? 'unknown'
                  }`,
                  typeof s.code === 'number' ? s.code : undefined,
                  s.reason,
                ),
              );
              return;
            }
            try {
              handlers.onEvent(event?.type, event?.object);
            } catch (e) {
              finish(e);
              return;
            }
          }
        });
        res.on('end', () => {
          ended = true;
          finish();
        });
        res.on('error', e => finish(e));
        res.on('close', () => {
          if (!ended) finish(new Error('watch connection closed'));
        });
      });
      req.setTimeout(idleMs, () =>
        finish(new Error(`watch idle for ${idleMs} ms`)),
      );
      req.on('error', e => finish(e));
      req.end();
    });
  }

  /** Closes pooled connections. */
  close(): void {
    this.agent?.destroy();
  }
}
