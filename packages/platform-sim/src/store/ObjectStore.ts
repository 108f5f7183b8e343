/**
 * In-memory object store with a global resourceVersion counter, cached serialised JSON per
 * object and a bounded history of change events for watches.
 *
 * Stored objects are treated as immutable: writers replace an object, never mutate it,
 * so history entries and cached JSON stay valid.
 */
import { ResourceType, resourceKey } from '../api/resources';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface Entry {
  key: string;
  obj: any;
  /** Cached `JSON.stringify(obj)`. */
  json?: string;
}

export interface ChangeEvent {
  rv: number;
  type: WatchEventType;
  resource: string;
  entry: Entry;
  /** Previous version (MODIFIED/DELETED). */
  old?: any;
  /** Cached serialised watch event line (without newline). */
  line?: string;
}

export type ChangeListener = (ev: ChangeEvent) => void;

/** Cached JSON of an entry. */
export function entryJson(e: Entry): string {
  if (e.json === undefined) e.json = JSON.stringify(e.obj);
  return e.json;
}

/** Serialised watch event line of a change. */
export function eventLine(ev: ChangeEvent): string {
  if (ev.line === undefined) {
    ev.line = `{"type":"${ev.type}","object":${entryJson(ev.entry)}}`;
  }
  return ev.line;
}

export function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

class ResourceBucket {
  readonly map = new Map<string, Entry>();
  private sorted?: string[];

  sortedKeys(): string[] {
    if (!this.sorted) this.sorted = [...this.map.keys()].sort();
    return this.sorted;
  }

  invalidate(): void {
    this.sorted = undefined;
  }
}

/** Options of {@link ObjectStore}. */
export interface ObjectStoreOptions {
  /** Change events kept for watch resumption (default 10000). */
  historySize?: number;
}

export class ObjectStore {
  private rv = 0;
  private readonly buckets = new Map<string, ResourceBucket>();
  private readonly history: ChangeEvent[] = [];
  private historyHead = 0;
  private readonly historySize: number;
  /** Watches from a resourceVersion older than this get 410 Gone. */
  private compactedRv = 0;
  private readonly listeners = new Set<ChangeListener>();
  private readonly hooks = new Set<ChangeListener>();
  /** When false (bulk load) changes are neither recorded nor broadcast. */
  recording = true;

  constructor(options: ObjectStoreOptions = {}) {
    this.historySize = Math.max(1, options.historySize ?? 10000);
  }

  /** Current (latest) resourceVersion. */
  currentRv(): number {
    return this.rv;
  }

  /** Oldest resourceVersion a watch may resume from. */
  oldestResumableRv(): number {
    return this.compactedRv;
  }

  /** Forgets all history: watches from any earlier resourceVersion get 410. */
  compact(): void {
    this.history.length = 0;
    this.historyHead = 0;
    this.compactedRv = this.rv;
  }

  nextRv(): number {
    this.rv += 1;
    return this.rv;
  }

  private bucket(resource: string): ResourceBucket {
    let b = this.buckets.get(resource);
    if (!b) {
      b = new ResourceBucket();
      this.buckets.set(resource, b);
    }
    return b;
  }

  /** Listens to recorded changes (what watches see). */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Listens to every change, including bulk loads (what controllers need). */
  onAnyChange(hook: ChangeListener): () => void {
    this.hooks.add(hook);
    return () => this.hooks.delete(hook);
  }

  get(
    type: ResourceType | string,
    namespace: string | undefined,
    name: string,
  ): any {
    const res = typeof type === 'string' ? type : resourceKey(type);
    return this.buckets.get(res)?.map.get(objectKey(namespace, name))?.obj;
  }

  getEntry(resource: string, key: string): Entry | undefined {
    return this.buckets.get(resource)?.map.get(key);
  }

  count(resource: string): number {
    return this.buckets.get(resource)?.map.size ?? 0;
  }

  /** Entries in key order, optionally limited to one namespace and starting after a key. */
  *entries(
    resource: string,
    namespace?: string,
    afterKey?: string,
  ): Generator<Entry> {
    const b = this.buckets.get(resource);
    if (!b) return;
    const keys = b.sortedKeys();
    let start = 0;
    if (namespace !== undefined) start = lowerBound(keys, `${namespace}/`);
    if (afterKey !== undefined) {
      let i = lowerBound(keys, afterKey);
      if (keys[i] === afterKey) i++;
      start = Math.max(start, i);
    }
    const prefix = namespace !== undefined ? `${namespace}/` : undefined;
    for (let i = start; i < keys.length; i++) {
      const k = keys[i];
      if (prefix !== undefined && !k.startsWith(prefix)) break;
      const e = b.map.get(k);
      if (e) yield e;
    }
  }

  /** All objects of a resource (unordered, fast). */
  values(resource: string): IterableIterator<Entry> {
    return (
      this.buckets.get(resource)?.map ?? new Map<string, Entry>()
    ).values();
  }

  /**
   * Stores an object under a new resourceVersion. The object must already carry its
   * metadata; `metadata.resourceVersion` is set here.
   */
  put(resource: string, obj: any, type: WatchEventType): Entry {
    const rv = this.nextRv();
    obj.metadata.resourceVersion = String(rv);
    const key = objectKey(obj.metadata.namespace, obj.metadata.name);
    const b = this.bucket(resource);
    const old = b.map.get(key);
    const entry: Entry = { key, obj };
    b.map.set(key, entry);
    if (!old) b.invalidate();
    this.record({ rv, type, resource, entry, old: old?.obj });
    return entry;
  }

  /** Removes an object; the DELETED event carries it with a new resourceVersion. */
  remove(resource: string, namespace: string | undefined, name: string): any {
    const b = this.buckets.get(resource);
    const key = objectKey(namespace, name);
    const old = b?.map.get(key);
    if (!b || !old) return undefined;
    b.map.delete(key);
    b.invalidate();
    const rv = this.nextRv();
    const obj = {
      ...old.obj,
      metadata: { ...old.obj.metadata, resourceVersion: String(rv) },
    };
    this.record({
      rv,
      type: 'DELETED',
      resource,
      entry: { key, obj },
      old: old.obj,
    });
    return obj;
  }

  /** Change events after `rv` for a resource (caller has checked rv is resumable). */
  *eventsSince(rv: number, resource: string): Generator<ChangeEvent> {
    const n = this.history.length;
    for (let i = 0; i < n; i++) {
      const ev = this.history[(this.historyHead + i) % n];
      if (ev.rv > rv && ev.resource === resource) yield ev;
    }
  }

  private record(ev: ChangeEvent): void {
    for (const h of this.hooks) h(ev);
    if (!this.recording) {
      this.compactedRv = ev.rv;
      return;
    }
    if (this.history.length < this.historySize) {
      this.history.push(ev);
    } else {
      const evicted = this.history[this.historyHead];
      this.compactedRv = evicted.rv;
      this.history[this.historyHead] = ev;
      this.historyHead = (this.historyHead + 1) % this.historySize;
    }
    for (const l of this.listeners) {
      try {
        l(ev);
      } catch {
        // a broken listener must not break the writer
      }
    }
  }
}

function lowerBound(keys: string[], target: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
