/**
 * Delivers one webhook notification: a JSON POST with the bearer token read from a file at
 * each send (as Alertmanager's `credentials_file`), retried with exponential backoff on network
 * errors, 429 and 5xx like Alertmanager's webhook notifier. Never throws: a portal that is down
 * must not stop the simulation.
 */
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface WebhookTarget {
  /** Where every receiver with `webhook_configs` is delivered (the file's URLs are in-cluster). */
  url: string;
  /** File holding the bearer token (read at each send). */
  tokenFile?: string;
  /** Attempts per notification (default 5). */
  attempts?: number;
  /** Wall-clock delay before the first retry, doubled per retry (default 500 ms). */
  initialBackoffMs?: number;
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
}

export class WebhookSender {
  private readonly abort = new AbortController();

  constructor(
    private readonly target: WebhookTarget,
    private readonly log: (line: string) => void,
  ) {}

  /** Sends `body`; true once the receiver answered 2xx. */
  async send(body: unknown, what: string): Promise<boolean> {
    const attempts = this.target.attempts ?? 5;
    let backoff = this.target.initialBackoffMs ?? 500;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (this.abort.signal.aborted) return false;
      const outcome = await this.attempt(body);
      if (outcome === 'ok') return true;
      this.log(
        `webhook ${what}: attempt ${attempt}/${attempts} failed: ${outcome.reason}`,
      );
      if (!outcome.retry || attempt === attempts) return false;
      try {
        await sleep(backoff, undefined, { signal: this.abort.signal });
      } catch {
        return false; // stopped
      }
      backoff *= 2;
    }
    return false;
  }

  /** Ends pending retries (the simulator stops). */
  stop(): void {
    this.abort.abort();
  }

  private async attempt(
    body: unknown,
  ): Promise<'ok' | { retry: boolean; reason: string }> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'Alertmanager/0.25.0 (platform-sim)',
    };
    try {
      if (this.target.tokenFile) {
        const token = (
          await fs.promises.readFile(this.target.tokenFile, 'utf8')
        ).trim();
        headers.authorization = `Bearer ${token}`;
      }
      const res = await fetch(this.target.url, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.any([
          this.abort.signal,
          AbortSignal.timeout(this.target.timeoutMs ?? 10_000),
        ]),
      });
      await res.arrayBuffer();
      if (res.ok) return 'ok';
      return {
        retry: res.status === 429 || res.status >= 500,
        reason: `HTTP ${res.status} from ${this.target.url}`,
      };
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause?.code;
      return {
        retry: true,
        reason: `${(e as Error).message}${cause ? ` (${cause})` : ''}`,
      };
    }
  }
}
