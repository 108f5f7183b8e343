/**
 * A small raw HTTP client for one cluster. Authentication (tokens, client
 * certificates, CA, exec/OIDC kubeconfig users) comes from
 * `@kubernetes/client-node`'s `KubeConfig`; requests are plain node:https so
 * list pages and watch events stay raw JSON (no model classes, no Date
 * conversion) and the cache hands out exactly what the API server sent.
 */
import http from 'node:http';
import https from 'node:https';
import { KubeConfig } from '@kubernetes/client-node';

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
  private readonly url: URL;

  constructor(private readonly kubeConfig: KubeConfig, server: string) {
    this.url = new URL(server);
  }

  /** `host:port` of the API server, for messages. */
  get hostPort(): string {
    const port =
      this.url.port || (this.url.protocol === 'https:' ? '443' : '80');
    return `${this.url.hostname}:${port}`;
  }

  private async options(path: string): Promise<http.RequestOptions> {
    const opts: https.RequestOptions = {};
    await this.kubeConfig.applyToHTTPSOptions(opts);
    const secure = this.url.protocol === 'https:';
    if (!this.agent) {
      this.agent = secure
        ? new https.Agent({
            ca: opts.ca,
            cert: opts.cert,
            key: opts.key,
            pfx: opts.pfx,
            passphrase: opts.passphrase,
            servername: opts.servername,
            ...(opts.rejectUnauthorized !== undefined && {
              rejectUnauthorized: opts.rejectUnauthorized,
            }),
            keepAlive: true,
          })
        : new http.Agent({ keepAlive: true });
    }
    const headers: Record<string, string> = { Accept: 'application/json' };
    for (const [k, v] of Object.entries(opts.headers ?? {})) {
      if (typeof v === 'string' || typeof v === 'number') headers[k] = `${v}`;
    }
    return {
      protocol: this.url.protocol,
      hostname: this.url.hostname.replace(/^\[|\]$/g, ''),
      port: this.url.port || undefined,
      path: this.url.pathname.replace(/\/$/, '') + path,
      method: 'GET',
      headers,
      auth: opts.auth,
      agent: this.agent,
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
