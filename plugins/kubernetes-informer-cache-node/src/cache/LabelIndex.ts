/**
 * Object keys by label value, for the label keys that selectors ask about:
 * `backstage.io/kubernetes-id=trading-api` among 150,000 pods then visits
 * the three matches instead of every pod. The index of a label key is built
 * on the first selector naming it and kept current by every change after,
 * so only keys actually used for lookups cost memory (bounded by `maxKeys`).
 */
import { LabelRequirement } from '../labelSelector';

type Labels = Record<string, string> | undefined;

export class LabelIndex {
  private readonly byKey = new Map<string, Map<string, Set<string>>>();

  constructor(private readonly maxKeys = 16) {}

  /** Records an object's labels (after it was added or changed). */
  add(key: string, labels: Labels): void {
    if (!labels) return;
    for (const [label, values] of this.byKey) {
      const value = labels[label];
      if (value === undefined) continue;
      let keys = values.get(value);
      if (!keys) values.set(value, (keys = new Set()));
      keys.add(key);
    }
  }

  /** Forgets an object's labels (before it is changed or removed). */
  remove(key: string, labels: Labels): void {
    if (!labels) return;
    for (const [label, values] of this.byKey) {
      const value = labels[label];
      if (value === undefined) continue;
      const keys = values.get(value);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) values.delete(value);
    }
  }

  /**
   * Keys of the objects that can match `requirements` (a superset: the
   * caller still matches every requirement), or undefined when no
   * requirement narrows the search (e.g. only `!key` or `key notin (...)`).
   * `all` lists every object with its labels, for building a new index.
   */
  candidates(
    requirements: LabelRequirement[],
    all: () => Iterable<[string, Labels]>,
  ): string[] | undefined {
    let best: string[] | undefined;
    for (const r of requirements) {
      if (r.operator !== 'In') continue;
      const values = this.indexFor(r.key, all);
      if (!values) continue;
      const keys = [
        ...new Set(r.values.flatMap(v => [...(values.get(v) ?? [])])),
      ];
      if (!best || keys.length < best.length) best = keys;
      if (best.length === 0) break;
    }
    return best;
  }

  private indexFor(
    label: string,
    all: () => Iterable<[string, Labels]>,
  ): Map<string, Set<string>> | undefined {
    const existing = this.byKey.get(label);
    if (existing) return existing;
    if (this.byKey.size >= this.maxKeys) return undefined;
    const values = new Map<string, Set<string>>();
    for (const [key, labels] of all()) {
      const value = labels?.[label];
      if (value === undefined) continue;
      let keys = values.get(value);
      if (!keys) values.set(value, (keys = new Set()));
      keys.add(key);
    }
    this.byKey.set(label, values);
    return values;
  }
}
