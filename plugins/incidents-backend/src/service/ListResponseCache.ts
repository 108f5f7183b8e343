import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/** A list page serialised once: the JSON body (UTF-8, encoded once too) and its ETag. */
export interface CachedPage {
  body: Buffer;
  etag: string;
}

export interface ListResponseCacheOptions {
  /** How long a page is served without asking the database again. */
  ttlMs: number;
  /** Pages kept at most (one per distinct query); the least recently used goes first. */
  maxEntries: number;
  /** The clock (tests inject one). */
  now?: () => number;
}

/**
 * `GET /incidents` pages by normalised query, serialised once and shared by
 * every reader for `ttlMs` (reads need no permission beyond being signed in,
 * so one page fits every caller). `invalidate()` on every change stored by
 * this process drops them; a change made through another replica shows here
 * after at most `ttlMs`. In-process on purpose: the core cache service would
 * serialise each page again and add a round trip, which is what this saves.
 */
export class ListResponseCache {
  private readonly entries: LRUCache<string, Promise<CachedPage>>;
  /** Bumped by every change: a page read before it is not kept. */
  private generation = 0;

  constructor(options: ListResponseCacheOptions) {
    this.entries = new LRUCache<string, Promise<CachedPage>>({
      max: options.maxEntries,
      ttl: options.ttlMs,
      // read the clock on every check (the injected one moves in steps)
      ttlResolution: 0,
      ...(options.now && { perf: { now: options.now } }),
    });
  }

  /** The cached page of `key`, else `load`'s result serialised (concurrent callers share one load). */
  get(key: string, load: () => Promise<unknown>): Promise<CachedPage> {
    const hit = this.entries.get(key);
    if (hit) return hit;

    const generation = this.generation;
    const page = load().then(value => {
      const body = Buffer.from(JSON.stringify(value));
      return {
        body,
        etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      };
    });
    this.entries.set(key, page);
    const forget = () => {
      if (this.entries.peek(key, { allowStale: true }) === page) {
        this.entries.delete(key);
      }
    };
    page.then(() => {
      // a change landed while this page was read: it may predate the change
      if (generation !== this.generation) forget();
    }, forget);
    return page;
  }

  /** A change was stored: every page may be out of date. */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }
}
