/**
 * Objects of one kind in one cluster, keyed `namespace/name`.
 *
 * Trimmed kinds keep the trimmed object. Full kinds keep the object's JSON,
 * packed ({@link JsonPacker}), plus its labels for selector filtering, and
 * parse it on read: consumers of whole objects (the Kubernetes tab) read a
 * handful at a time, while every object has to be held.
 */
import { Interner, trimObject } from '../trim';
import { CachedKind, CachedObject } from '../types';
import { LabelRequirement, matchesLabelSelector } from '../labelSelector';
import { objectKey } from '../kinds';
import { JsonPacker } from './JsonPacker';
import { LabelIndex } from './LabelIndex';

interface TrimmedEntry {
  obj: CachedObject;
}
interface FullEntry {
  /** the object's JSON, packed */
  packed: string;
  labels?: Record<string, string>;
  resourceVersion?: string;
}
type Entry = TrimmedEntry | FullEntry;

const isFull = (e: Entry): e is FullEntry => 'packed' in e;

export type StoreChange = 'ADDED' | 'MODIFIED';

export class KindStore {
  private readonly entries = new Map<string, Entry>();
  private readonly interner = new Interner();
  private readonly index = new LabelIndex();
  private readonly packer = new JsonPacker();
  /**
   * Whether LIST items carried `apiVersion`/`kind`. Real API servers omit them
   * on list items of built-in kinds but send them on watch events; objects
   * from watch events are normalised to the list's form so answers look like
   * a fresh LIST.
   */
  private listTypeMeta: boolean | undefined;

  constructor(readonly kind: CachedKind, public detail: 'full' | 'trimmed') {}

  get size(): number {
    return this.entries.size;
  }

  keys(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** Records how LIST items look (see `listTypeMeta`). */
  noteListItem(item: any): void {
    if (this.listTypeMeta === undefined && item && typeof item === 'object') {
      this.listTypeMeta = 'kind' in item;
    }
  }

  private normalise(obj: any): any {
    if (this.listTypeMeta === false && ('kind' in obj || 'apiVersion' in obj)) {
      const { apiVersion: _a, kind: _k, ...rest } = obj;
      return rest;
    }
    return obj;
  }

  /**
   * Stores `raw` (a parsed API object). Returns the change and the object in
   * its stored form, or undefined when the same resourceVersion is already
   * held in the same detail.
   */
  upsert(
    raw: any,
  ): { change: StoreChange; key: string; object: CachedObject } | undefined {
    const obj = this.normalise(raw);
    const meta = obj?.metadata ?? {};
    if (typeof meta.name !== 'string') return undefined;
    const key = objectKey(meta.namespace, meta.name);
    const existing = this.entries.get(key);
    if (existing) {
      const rv = isFull(existing)
        ? existing.resourceVersion
        : existing.obj.metadata.resourceVersion;
      const sameDetail = isFull(existing) === (this.detail === 'full');
      if (sameDetail && rv !== undefined && rv === meta.resourceVersion) {
        return undefined;
      }
    }
    if (existing) this.index.remove(key, this.labelsOf(existing));
    let object: CachedObject;
    if (this.detail === 'full') {
      object = obj;
      this.entries.set(key, {
        packed: this.packer.pack(JSON.stringify(obj)),
        labels: this.interner.intern(meta.labels),
        resourceVersion: meta.resourceVersion,
      });
    } else {
      object = trimObject(this.kind, obj, this.interner);
      this.entries.set(key, { obj: object });
    }
    this.index.add(key, object.metadata.labels);
    return { change: existing ? 'MODIFIED' : 'ADDED', key, object };
  }

  /** Removes an object; returns what was held (or `raw` in stored form). */
  delete(raw: any): CachedObject | undefined {
    const meta = raw?.metadata ?? {};
    if (typeof meta.name !== 'string') return undefined;
    return this.deleteKey(objectKey(meta.namespace, meta.name), raw);
  }

  deleteKey(key: string, raw?: any): CachedObject | undefined {
    const existing = this.entries.get(key);
    if (!existing) return undefined;
    this.entries.delete(key);
    this.index.remove(key, this.labelsOf(existing));
    if (raw) {
      return this.detail === 'full'
        ? this.normalise(raw)
        : trimObject(this.kind, this.normalise(raw), this.interner);
    }
    return this.read(existing);
  }

  private read(entry: Entry): CachedObject {
    return isFull(entry)
      ? JSON.parse(this.packer.unpack(entry.packed))
      : entry.obj;
  }

  private labelsOf(entry: Entry): Record<string, string> | undefined {
    return isFull(entry) ? entry.labels : entry.obj.metadata.labels;
  }

  get(namespace: string | undefined, name: string): CachedObject | undefined {
    const entry = this.entries.get(objectKey(namespace, name));
    return entry ? this.read(entry) : undefined;
  }

  /**
   * Objects in `namespace` (all when absent) whose labels match the
   * requirements; whole objects are parsed only when they match. Equality
   * and `in` requirements are looked up in the label index.
   */
  list(namespace?: string, requirements?: LabelRequirement[]): CachedObject[] {
    const out: CachedObject[] = [];
    const prefix = namespace ? `${namespace}/` : undefined;
    const filtering = requirements !== undefined && requirements.length > 0;
    const candidates = filtering
      ? this.index.candidates(requirements, () => this.labelled())
      : undefined;
    const visit = (key: string, entry: Entry) => {
      if (prefix && !key.startsWith(prefix)) return;
      if (
        filtering &&
        !matchesLabelSelector(this.labelsOf(entry), requirements)
      ) {
        return;
      }
      out.push(this.read(entry));
    };
    if (candidates) {
      for (const key of candidates) {
        const entry = this.entries.get(key);
        if (entry) visit(key, entry);
      }
    } else {
      for (const [key, entry] of this.entries) visit(key, entry);
    }
    return out;
  }

  private *labelled(): IterableIterator<
    [string, Record<string, string> | undefined]
  > {
    for (const [key, entry] of this.entries) yield [key, this.labelsOf(entry)];
  }
}
