import { parseLabelSelector } from '../labelSelector';
import { KindStore } from './KindStore';

const obj = (ns: string, name: string, rv: string, labels = {}) => ({
  metadata: {
    name,
    namespace: ns,
    resourceVersion: rv,
    labels,
    managedFields: [],
  },
  spec: { containers: [{ name: 'c', image: 'i' }] },
});

describe('KindStore', () => {
  it('adds, modifies (only on a new resourceVersion) and deletes', () => {
    const store = new KindStore('pods', 'trimmed');
    expect(store.upsert(obj('a', 'p', '1'))?.change).toBe('ADDED');
    expect(store.upsert(obj('a', 'p', '1'))).toBeUndefined();
    expect(store.upsert(obj('a', 'p', '2'))?.change).toBe('MODIFIED');
    expect(store.get('a', 'p')?.metadata.resourceVersion).toBe('2');
    expect(store.get('a', 'p')?.spec.containers[0].image).toBeUndefined();
    expect(store.delete(obj('a', 'p', '3'))?.metadata.name).toBe('p');
    expect(store.size).toBe(0);
    expect(store.delete(obj('a', 'p', '3'))).toBeUndefined();
  });

  it('keeps whole objects as JSON and parses copies on read', () => {
    const store = new KindStore('pods', 'full');
    store.upsert(obj('a', 'p', '1', { app: 'x' }));
    const first = store.get('a', 'p')!;
    expect(first.spec.containers[0].image).toBe('i');
    first.spec.changed = true;
    expect(store.get('a', 'p')!.spec.changed).toBeUndefined();
  });

  it('filters by namespace and labels', () => {
    const store = new KindStore('pods', 'full');
    store.upsert(obj('a', 'p1', '1', { app: 'x' }));
    store.upsert(obj('a', 'p2', '1', { app: 'y' }));
    store.upsert(obj('a-b', 'p3', '1', { app: 'x' }));
    const names = (list: any[]) => list.map(o => o.metadata.name).sort();
    expect(names(store.list('a'))).toEqual(['p1', 'p2']);
    expect(names(store.list(undefined, parseLabelSelector('app=x')))).toEqual([
      'p1',
      'p3',
    ]);
    expect(names(store.list('a', parseLabelSelector('app=x')))).toEqual(['p1']);
  });

  it('keeps its label index current through changes and deletes', () => {
    for (const detail of ['full', 'trimmed'] as const) {
      const store = new KindStore('pods', detail);
      const names = (selector: string) =>
        store
          .list(undefined, parseLabelSelector(selector))
          .map(o => o.metadata.name)
          .sort();
      store.upsert(obj('a', 'p1', '1', { app: 'x', tier: 'web' }));
      store.upsert(obj('a', 'p2', '1', { app: 'y' }));
      // the first lookup on `app` builds the index
      expect(names('app=x')).toEqual(['p1']);
      store.upsert(obj('b', 'p3', '1', { app: 'x' }));
      store.upsert(obj('a', 'p2', '2', { app: 'x' }));
      store.upsert(obj('a', 'p1', '2', { app: 'z', tier: 'web' }));
      expect(names('app=x')).toEqual(['p2', 'p3']);
      expect(names('app in (x,z)')).toEqual(['p1', 'p2', 'p3']);
      expect(names('app in (x,x)')).toEqual(['p2', 'p3']);
      expect(names('app=x,tier=web')).toEqual([]);
      expect(names('app notin (x)')).toEqual(['p1']);
      expect(names('!tier')).toEqual(['p2', 'p3']);
      store.delete(obj('b', 'p3', '3'));
      expect(names('app=x')).toEqual(['p2']);
      store.deleteKey('a/p2');
      expect(names('app=x')).toEqual([]);
      expect(names('app=z')).toEqual(['p1']);
    }
  });

  it('normalises watch objects to the form of LIST items', () => {
    const store = new KindStore('pods', 'full');
    store.noteListItem({ metadata: { name: 'x' } });
    store.upsert({ apiVersion: 'v1', kind: 'Pod', ...obj('a', 'p', '1') });
    expect(store.get('a', 'p')).not.toHaveProperty('kind');
    const typed = new KindStore('pods', 'full');
    typed.noteListItem({ kind: 'Pod', metadata: { name: 'x' } });
    typed.upsert({ apiVersion: 'v1', kind: 'Pod', ...obj('a', 'p', '1') });
    expect(typed.get('a', 'p')).toHaveProperty('kind', 'Pod');
  });
});
