import { createHash } from 'node:crypto';

/** A list page serialised once: the JSON body (UTF-8, encoded once too) and its ETag. */
export interface CachedPage {
  body: Buffer;
  etag: string;
}

export interface ListResponseCacheOptions {
  /** How long a page is served without asking the database again. */
  ttlMs: number;
  /** Pages kept at most (one per distinct query). */
  maxEntries: number;
  /** The clock (tests inject one). */
  now?: () => number;
}

interface Entry {
  page: Promise<CachedPage>;
  expiresAt: number;
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
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every change: a page read before it is not kept. */
  private generation = 0;
  private readonly now: () => number;

  constructor(private readonly options: ListResponseCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The cached page of `key`, else `load`'s result serialised (concurrent callers share one load). */
  get(key: string, load: () => Promise<unknown>): Promise<CachedPage> {
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.page;

    const generation = this.generation;
    const page = load().then(value => {
      const body = Buffer.from(JSON.stringify(value));
      return {
        body,
        etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      };
    });
    this.evictExpired(now);
    const entry = { page, expiresAt: now + this.options.ttlMs };
    this.entries.set(key, entry);
    const forget = () => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
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

  private evictExpired(now: number) {
    if (this.entries.size < this.options.maxEntries) return;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) this.entries.delete(key);
    }
    // still full of live pages (many distinct searches): start over
    if (this.entries.size >= this.options.maxEntries) this.entries.clear();
  }
}
