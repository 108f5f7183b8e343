import { LoggerService } from '@backstage/backend-plugin-api';
import { CustomErrorBase } from '@backstage/errors';
import { SourceConfig } from '../config';

export type SourceKind = 'prometheus' | 'alertmanager';

const KIND_NAME: Record<SourceKind, string> = {
  prometheus: 'Prometheus',
  alertmanager: 'Alertmanager',
};

/** How much of an upstream error body goes to the log. */
const LOGGED_BODY_CHARS = 2000;

/**
 * A source could not be reached (503) or answered with an error (502). The
 * message names the source only: it reaches every user, so the URL, the
 * network error and the upstream body go to the log instead (a @backstage/errors
 * error without a cause, so the portal's error handler shows its message).
 */
export class SourceError extends CustomErrorBase {
  constructor(
    readonly source: string,
    readonly kind: SourceKind,
    message: string,
    /** the HTTP status the source answered, if it answered */
    readonly upstreamStatus?: number,
  ) {
    super(message);
    this.name = 'SourceError';
  }

  /** 503 when the source is unreachable, 502 when it answered with an error. */
  get statusCode(): number {
    return this.upstreamStatus === undefined ? 503 : 502;
  }
}

/** JSON over HTTP to one Prometheus or Alertmanager, with a timeout; failures logged in full, thrown as a SourceError. */
export class SourceHttp {
  /** the last failure logged at warn level; repeats go to debug until the source answers */
  private lastFailure?: string;

  constructor(
    readonly source: SourceConfig,
    readonly kind: SourceKind,
    private readonly timeoutMs: number,
    private readonly logger: LoggerService,
  ) {}

  /** `Alertmanager 'default'` */
  get displayName(): string {
    return `${KIND_NAME[this.kind]} '${this.source.name}'`;
  }

  async json<T>(
    path: string,
    options: { method?: string; body?: unknown } = {},
  ): Promise<T> {
    const { source, timeoutMs } = this;
    const method = options.method ?? 'GET';
    const url = `${source.url}${path}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: {
          Accept: 'application/json',
          ...(options.body !== undefined
            ? { 'Content-Type': 'application/json' }
            : {}),
          ...(source.token ? { Authorization: `Bearer ${source.token}` } : {}),
        },
        body:
          options.body !== undefined ? JSON.stringify(options.body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') {
        throw this.fail(
          `${this.displayName} did not answer within ${timeoutMs} ms`,
          `${method} ${url}: no answer within ${timeoutMs} ms`,
        );
      }
      const cause = (error as { cause?: { code?: string; message?: string } })
        .cause;
      throw this.fail(
        `${this.displayName} is unreachable`,
        `${method} ${url}: ${[cause?.code, cause?.message ?? String(error)]
          .filter(Boolean)
          .join(' ')}`,
      );
    }
    const text = await res.text();
    if (!res.ok) {
      throw this.fail(
        `${this.displayName} answered ${res.status}`,
        `${method} ${url}: ${res.status} ${text.slice(0, LOGGED_BODY_CHARS)}`,
        res.status,
      );
    }
    this.lastFailure = undefined;
    try {
      return (text ? JSON.parse(text) : undefined) as T;
    } catch (error) {
      throw this.fail(
        `${this.displayName} answered with something that is not JSON`,
        `${method} ${url}: ${error}: ${text.slice(0, LOGGED_BODY_CHARS)}`,
        res.status,
      );
    }
  }

  private fail(
    message: string,
    detail: string,
    upstreamStatus?: number,
  ): SourceError {
    const line = `${message}: ${detail}`;
    if (line !== this.lastFailure) {
      this.logger.warn(line);
      this.lastFailure = line;
    } else {
      this.logger.debug(line);
    }
    return new SourceError(
      this.source.name,
      this.kind,
      message,
      upstreamStatus,
    );
  }
}
