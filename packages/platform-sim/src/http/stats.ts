/** Request and response-byte counters per endpoint, for measuring API-server load. */

export interface EndpointStats {
  requests: number;
  responseBytes: number;
}

export interface StatsSnapshot {
  totalRequests: number;
  totalResponseBytes: number;
  /** Keyed "verb resource", e.g. "list pods", "watch deployments.apps", "GET /metrics". */
  byEndpoint: Record<string, EndpointStats>;
  watches: { active: number; started: number; eventsSent: number };
}

export class RequestStats {
  private totalRequests = 0;
  private totalBytes = 0;
  private readonly byEndpoint = new Map<string, EndpointStats>();

  /** Counts a request; returns a function adding response bytes. */
  begin(key: string): (bytes: number) => void {
    this.totalRequests++;
    let s = this.byEndpoint.get(key);
    if (!s) this.byEndpoint.set(key, (s = { requests: 0, responseBytes: 0 }));
    s.requests++;
    const row = s;
    return bytes => {
      row.responseBytes += bytes;
      this.totalBytes += bytes;
    };
  }

  snapshot(watches: StatsSnapshot['watches']): StatsSnapshot {
    return {
      totalRequests: this.totalRequests,
      totalResponseBytes: this.totalBytes,
      byEndpoint: Object.fromEntries(
        [...this.byEndpoint.entries()].map(([k, v]) => [k, { ...v }]),
      ),
      watches: { ...watches },
    };
  }

  reset(): void {
    this.totalRequests = 0;
    this.totalBytes = 0;
    this.byEndpoint.clear();
  }
}
