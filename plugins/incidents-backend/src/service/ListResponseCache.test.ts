import { ListResponseCache } from './ListResponseCache';

function setup(maxEntries = 10) {
  let now = 1_000_000;
  const cache = new ListResponseCache({
    ttlMs: 1000,
    maxEntries,
    now: () => now,
  });
  let loads = 0;
  const load = (value: unknown) => async () => {
    loads++;
    return value;
  };
  return {
    cache,
    load,
    loads: () => loads,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('ListResponseCache', () => {
  it('serialises a page once and serves it until it expires', async () => {
    const { cache, load, loads, advance } = setup();
    const first = await cache.get('a', load({ items: [1] }));
    expect(first.body.toString()).toBe('{"items":[1]}');
    expect(first.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    advance(1000);
    expect(await cache.get('a', load({ items: [2] }))).toBe(first);
    expect(loads()).toBe(1);
    advance(1);
    const second = await cache.get('a', load({ items: [2] }));
    expect(second.body.toString()).toBe('{"items":[2]}');
    expect(second.etag).not.toBe(first.etag);
    expect(loads()).toBe(2);
  });

  it('gives equal bodies equal ETags and keeps queries apart', async () => {
    const { cache, load } = setup();
    const a = await cache.get('a', load({ items: [] }));
    const b = await cache.get('b', load({ items: [] }));
    const c = await cache.get('c', load({ items: [3] }));
    expect(b.etag).toBe(a.etag);
    expect(c.etag).not.toBe(a.etag);
  });

  it('shares one load between concurrent callers', async () => {
    const { cache, load, loads } = setup();
    const pages = await Promise.all(
      Array.from({ length: 50 }, () => cache.get('a', load({ items: [] }))),
    );
    expect(loads()).toBe(1);
    expect(new Set(pages).size).toBe(1);
  });

  it('loads again after invalidate', async () => {
    const { cache, load, loads } = setup();
    await cache.get('a', load({ items: [1] }));
    cache.invalidate();
    expect((await cache.get('a', load({ items: [2] }))).body.toString()).toBe(
      '{"items":[2]}',
    );
    expect(loads()).toBe(2);
  });

  it('does not keep a page whose read overlapped a change', async () => {
    const { cache, load, loads } = setup();
    let release!: (value: unknown) => void;
    const slow = cache.get(
      'a',
      () =>
        new Promise(resolve => {
          release = resolve;
        }),
    );
    cache.invalidate();
    const during = cache.get('a', load({ items: ['new'] }));
    release({ items: ['old'] });
    expect((await slow).body.toString()).toBe('{"items":["old"]}');
    expect((await during).body.toString()).toBe('{"items":["new"]}');
    // the overlapping read was dropped, the one after the change kept
    expect((await cache.get('a', load({ items: [] }))).body.toString()).toBe(
      '{"items":["new"]}',
    );
    expect(loads()).toBe(1);
  });

  it('drops a page whose read failed, so the next caller tries again', async () => {
    const { cache, load } = setup();
    await expect(
      cache.get('a', async () => {
        throw new Error('db down');
      }),
    ).rejects.toThrow('db down');
    expect((await cache.get('a', load({ items: [] }))).body.toString()).toBe(
      '{"items":[]}',
    );
  });

  it('keeps at most maxEntries pages, dropping the least recently used', async () => {
    const { cache, load, loads } = setup(2);
    await cache.get('a', load(1));
    await cache.get('b', load(2));
    await cache.get('a', load(1));
    await cache.get('c', load(3));
    await cache.get('c', load(3));
    expect(loads()).toBe(3);
    // b was the least recently used when c came: dropped; a is still served
    await cache.get('a', load(1));
    expect(loads()).toBe(3);
    await cache.get('b', load(2));
    expect(loads()).toBe(4);
  });
});
