import { SourceConfig } from '../config';

/** A source could not be reached (503) or answered with an error (502, or its 4xx). */
export class SourceError extends Error {
  constructor(
    readonly source: string,
    readonly kind: 'prometheus' | 'alertmanager',
    message: string,
    /** the HTTP status the source answered, if it answered */
    readonly status?: number,
    /** the source's own error text, for 4xx answers */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'SourceError';
  }

  /** 503 when the source is unreachable, 502 when it answered with an error. */
  get statusCode(): number {
    return this.status === undefined ? 503 : 502;
  }
}

/** JSON over HTTP to a Prometheus or Alertmanager, with a timeout and errors naming the source. */
export async function requestJson<T>(
  source: SourceConfig,
  kind: 'prometheus' | 'alertmanager',
  path: string,
  options: { timeoutMs: number; method?: string; body?: unknown },
): Promise<T> {
  const url = `${source.url}${path}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: options.method ?? 'GET',
      headers: {
        Accept: 'application/json',
        ...(options.body !== undefined
          ? { 'Content-Type': 'application/json' }
          : {}),
        ...(source.token ? { Authorization: `Bearer ${source.token}` } : {}),
      },
      body:
        options.body !== undefined ? JSON.stringify(options.body) : undefined,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } })
      .cause;
    const why =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${options.timeoutMs} ms`
        : cause?.code ?? cause?.message ?? (error as Error).message;
    throw new SourceError(
      source.name,
      kind,
      `${kind} '${source.name}' at ${
        new URL(source.url).host
      } is unreachable: ${why}`,
    );
  }
  const text = await res.text();
  if (!res.ok) {
    let detail = text.trim();
    try {
      const json = JSON.parse(text);
      detail = json.error ?? json.message ?? detail;
    } catch {
      // plain text body
    }
    throw new SourceError(
      source.name,
      kind,
      `${kind} '${source.name}' answered ${res.status}: ${detail.slice(
        0,
        300,
      )}`,
      res.status,
      detail,
    );
  }
  return (text ? JSON.parse(text) : undefined) as T;
}
