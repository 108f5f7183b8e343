import { PortalApi } from './portalApi';

/** The user-settings bucket the reliability tests write to. */
export const BUCKET = 'fdp-reliability';

/** What became of the writes of one {@link SettingsWriter}. */
export interface WriteOutcome {
  /** keys answered 2xx, with the value written */
  acknowledged: Map<string, number>;
  /** HTTP status of every refused write */
  refused: number[];
  /** the body of every 5xx answer */
  serverErrorBodies: string[];
  /** writes whose connection broke before an answer (the backend went away) */
  broken: number;
}

/**
 * Writes user settings (`PUT /api/user-settings/buckets/:bucket/keys/:key`,
 * stored in the database) in a loop with a few in flight, until stopped: an
 * acknowledged write the backend must never lose, each with its own key.
 */
export class SettingsWriter {
  private stopped = false;
  private sequence = 0;
  private readonly loops: Promise<void>[];
  readonly outcome: WriteOutcome = {
    acknowledged: new Map(),
    refused: [],
    serverErrorBodies: [],
    broken: 0,
  };

  constructor(
    private readonly api: PortalApi,
    private readonly keyPrefix: string,
    concurrency = 4,
  ) {
    this.loops = Array.from({ length: concurrency }, () => this.loop());
  }

  private async loop() {
    while (!this.stopped) {
      const n = this.sequence++;
      const key = `${this.keyPrefix}-${n}`;
      try {
        const res = await this.api.send(
          'PUT',
          `/api/user-settings/buckets/${BUCKET}/keys/${key}`,
          { value: n },
        );
        if (res.status >= 200 && res.status < 300) {
          this.outcome.acknowledged.set(key, n);
        } else {
          this.outcome.refused.push(res.status);
          if (res.status >= 500) {
            this.outcome.serverErrorBodies.push(JSON.stringify(res.body));
          }
          // do not spin while the database is away
          await new Promise(r => setTimeout(r, 50));
        }
      } catch {
        this.outcome.broken++;
        await new Promise(r => setTimeout(r, 50));
      }
    }
  }

  /** Stops after the writes in flight have been answered. */
  async stop(): Promise<WriteOutcome> {
    this.stopped = true;
    await Promise.all(this.loops);
    return this.outcome;
  }
}

/** Keys of `written` that `api` does not serve with the acknowledged value. */
export async function lostWrites(
  api: PortalApi,
  written: Map<string, number>,
): Promise<string[]> {
  const keys = [...written.keys()];
  const lost: string[] = [];
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    const res = await api.send('POST', '/api/user-settings/multiget', {
      items: chunk.map(key => ({ bucket: BUCKET, key })),
    });
    if (res.status !== 200) {
      throw new Error(`multiget answered ${res.status}`);
    }
    chunk.forEach((key, j) => {
      if (res.body.items[j]?.value !== written.get(key)) lost.push(key);
    });
  }
  return lost;
}
