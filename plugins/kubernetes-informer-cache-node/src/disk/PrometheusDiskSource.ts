import { DiskReading, DiskSource } from './DiskSource';
import { diskQuery, parseDiskResponse } from './prometheusDisk';

export interface PrometheusDiskOptions {
  /** base URL of the Prometheus HTTP API */
  url: string;
  /** narrows the query to one cluster when Prometheus holds several */
  cluster?: { label: string; value: string };
  nodeLabels?: string[];
  timeoutMs?: number;
}

/** One instant query per round for every node of the cluster. */
export class PrometheusDiskSource implements DiskSource {
  private readonly endpoint: string;
  private readonly query: string;

  constructor(private readonly options: PrometheusDiskOptions) {
    this.endpoint = `${options.url.replace(/\/$/, '')}/api/v1/query`;
    this.query = diskQuery(options.cluster);
  }

  async read(_nodes: string[], signal: AbortSignal): Promise<DiskReading> {
    // the URL stays out of the message: it ends up in API responses
    const fail = (why: string): DiskReading => ({
      samples: new Map(),
      error: `disk usage from Prometheus: ${why}`,
    });
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ query: this.query }),
        signal: AbortSignal.any([
          signal,
          AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
        ]),
      });
    } catch (e) {
      // fetch wraps the socket error (ECONNREFUSED, ENOTFOUND) in its cause
      const code = (e as { cause?: { code?: string } }).cause?.code;
      return fail(`unreachable (${code ?? (e as Error).name})`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      return fail(`HTTP ${response.status}`);
    }
    try {
      return {
        samples: parseDiskResponse(
          await response.json(),
          this.options.nodeLabels,
        ),
      };
    } catch (e) {
      return fail((e as Error).message);
    }
  }
}
