/**
 * List+watch of one kind in one cluster: pages through a LIST, then follows
 * a WATCH from the list's resourceVersion. A broken watch reconnects with
 * exponential backoff (from the last resourceVersion, so nothing is missed);
 * a 410 Gone relists; a periodic relist (resync) catches anything else.
 */
import { BackoffOptions, backoffDelay } from '../backoff';
import { KubeClient, isGone } from '../client/KubeClient';
import { KindDefinition, collectionPath } from '../kinds';
import { CachedObject } from '../types';
import { KindStore } from './KindStore';

export interface KindWatcherSettings {
  pageSize: number;
  backoff: BackoffOptions;
  /** full relist period; 0 disables */
  resyncIntervalMs: number;
  /** server-side watch timeout; the watch is renewed after it */
  watchTimeoutSeconds: number;
}

export interface KindWatcherCallbacks {
  onObject(type: 'ADDED' | 'MODIFIED' | 'DELETED', object: CachedObject): void;
  /** something changed in synced/stale/error/lastSyncAt */
  onState(change: 'SYNCED' | 'STALE' | 'RECOVERED' | 'TOUCH'): void;
}

class Aborted extends Error {}

export class KindWatcher {
  /** the first list completed */
  listed = false;
  /** why the watch is broken; undefined while healthy */
  error?: string;
  lastSyncAt?: string;

  private resourceVersion?: string;
  private lastListAt = 0;
  private stopped = false;
  private started = false;
  private relistRequested = false;
  private abort?: AbortController;
  private wake?: () => void;
  private resolveFirst!: () => void;
  /** resolves after the first list succeeded or failed */
  readonly firstAttempt: Promise<void>;

  constructor(
    private readonly def: KindDefinition,
    private readonly client: KubeClient,
    readonly store: KindStore,
    private readonly settings: KindWatcherSettings,
    private readonly callbacks: KindWatcherCallbacks,
  ) {
    this.firstAttempt = new Promise(r => (this.resolveFirst = r));
  }

  get stale(): boolean {
    return this.error !== undefined;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.run().catch(e => {
      // run() catches everything itself; this is a last line of defence
      this.markBroken(e);
    });
  }

  stop(): void {
    this.stopped = true;
    this.abort?.abort();
    this.wake?.();
    this.resolveFirst();
  }

  /** Drops the watch and lists again (after a detail change). */
  relist(): void {
    this.relistRequested = true;
    this.abort?.abort();
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise(resolve => {
      let timer: ReturnType<typeof setTimeout> | undefined = undefined;
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      timer = setTimeout(done, ms);
      timer.unref?.();
      this.wake = done;
    });
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (!this.stopped) {
      try {
        const resyncDue =
          this.settings.resyncIntervalMs > 0 &&
          Date.now() - this.lastListAt >= this.settings.resyncIntervalMs;
        if (
          this.resourceVersion === undefined ||
          resyncDue ||
          this.relistRequested
        ) {
          this.relistRequested = false;
          await this.list();
          attempt = 0;
        }
        const startedAt = Date.now();
        await this.watch();
        if (Date.now() - startedAt < 1000) {
          // ended at once: do not hammer the server with reconnects
          await this.sleep(backoffDelay(attempt++, this.settings.backoff));
        } else {
          attempt = 0;
        }
      } catch (e) {
        if (this.stopped) break;
        if (e instanceof Aborted || this.relistRequested) continue;
        if (isGone(e)) {
          this.resourceVersion = undefined;
          continue;
        }
        this.markBroken(e);
        this.resolveFirst();
        await this.sleep(backoffDelay(attempt++, this.settings.backoff));
      }
    }
  }

  private newSignal(): AbortSignal {
    this.abort = new AbortController();
    return this.abort.signal;
  }

  private checkAborted(signal: AbortSignal) {
    if (signal.aborted || this.stopped) throw new Aborted('aborted');
  }

  private async list(): Promise<void> {
    const signal = this.newSignal();
    const path = collectionPath(this.def);
    const seen = new Set<string>();
    let continueToken: string | undefined;
    let resourceVersion: string | undefined;
    do {
      const query = new URLSearchParams({
        limit: String(this.settings.pageSize),
      });
      if (continueToken) query.set('continue', continueToken);
      let page: any;
      try {
        page = await this.client.getJson(`${path}?${query}`, {
          signal,
          timeoutMs: 120_000,
        });
      } catch (e) {
        this.checkAborted(signal);
        throw e;
      }
      this.checkAborted(signal);
      for (const item of page?.items ?? []) {
        this.store.noteListItem(item);
        const name = item?.metadata?.name;
        if (typeof name !== 'string') continue;
        const ns = item.metadata.namespace;
        seen.add(ns ? `${ns}/${name}` : name);
        const result = this.store.upsert(item);
        if (result) this.callbacks.onObject(result.change, result.object);
      }
      continueToken = page?.metadata?.continue || undefined;
      resourceVersion = page?.metadata?.resourceVersion ?? resourceVersion;
    } while (continueToken);
    for (const key of [...this.store.keys()]) {
      if (!seen.has(key)) {
        const removed = this.store.deleteKey(key);
        if (removed) this.callbacks.onObject('DELETED', removed);
      }
    }
    this.resourceVersion = resourceVersion;
    this.lastListAt = Date.now();
    this.lastSyncAt = new Date().toISOString();
    const firstList = !this.listed;
    this.listed = true;
    this.markHealthy();
    if (firstList) this.callbacks.onState('SYNCED');
    else this.callbacks.onState('TOUCH');
    this.resolveFirst();
  }

  private async watch(): Promise<void> {
    const signal = this.newSignal();
    const timeout = this.settings.watchTimeoutSeconds;
    const query = new URLSearchParams({
      watch: 'true',
      allowWatchBookmarks: 'true',
      resourceVersion: this.resourceVersion ?? '',
      // spread renewals of many watches
      timeoutSeconds: String(Math.round(timeout * (0.9 + Math.random() * 0.2))),
    });
    try {
      await this.client.watch(
        `${collectionPath(this.def)}?${query}`,
        {
          onOpen: () => this.markHealthy(),
          onEvent: (type, object) => this.apply(type, object),
        },
        { signal, idleTimeoutMs: (timeout + 60) * 1000 },
      );
    } catch (e) {
      this.checkAborted(signal);
      throw e;
    }
  }

  private apply(type: string, object: any): void {
    const rv = object?.metadata?.resourceVersion;
    if (type === 'ADDED' || type === 'MODIFIED') {
      const result = this.store.upsert(object);
      if (result) this.callbacks.onObject(result.change, result.object);
    } else if (type === 'DELETED') {
      const removed = this.store.delete(object);
      if (removed) this.callbacks.onObject('DELETED', removed);
    } else if (type !== 'BOOKMARK') {
      return;
    }
    if (rv) this.resourceVersion = rv;
    this.lastSyncAt = new Date().toISOString();
    this.callbacks.onState('TOUCH');
  }

  private markHealthy(): void {
    if (this.error !== undefined) {
      this.error = undefined;
      this.callbacks.onState('RECOVERED');
    }
  }

  private markBroken(e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    const error = `${this.client.hostPort}: ${this.def.plural}: ${message}`;
    const wasHealthy = this.error === undefined;
    this.error = error;
    if (wasHealthy) this.callbacks.onState('STALE');
  }
}
