import { JsonBodyCache, jsonBody } from './JsonBodyCache';

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

describe('JsonBodyCache', () => {
  it('builds once for concurrent and repeated asks of a key, apart per key', async () => {
    const cache = JsonBodyCache.create();
    let builds = 0;
    const build = (value: string) => async () => {
      builds++;
      await sleep(10);
      return { value };
    };
    const bodies = await Promise.all(
      Array.from({ length: 20 }, () => cache.get('a', build('a'))),
    );
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).toEqual(jsonBody({ value: 'a' }));
    expect(bodies[0].json).toBe('{"value":"a"}');
    expect(await cache.get('a', build('a'))).toBe(bodies[0]);
    expect((await cache.get('b', build('b'))).json).toBe('{"value":"b"}');
    expect(builds).toBe(2);
  });

  it('builds again after the TTL and after clear, and does not keep a failure', async () => {
    const cache = JsonBodyCache.create({ ttl: { milliseconds: 50 } });
    let n = 0;
    const build = async () => ({ n: ++n });
    expect((await cache.get('k', build)).json).toBe('{"n":1}');
    await sleep(80);
    expect((await cache.get('k', build)).json).toBe('{"n":2}');
    cache.clear();
    expect((await cache.get('k', build)).json).toBe('{"n":3}');
    cache.clear();
    await expect(
      cache.get('k', async () => {
        throw new Error('source down');
      }),
    ).rejects.toThrow('source down');
    expect((await cache.get('k', build)).json).toBe('{"n":4}');
  });

  it('tags equal bodies alike and different ones apart', () => {
    expect(jsonBody({ a: 1 }).etag).toBe(jsonBody({ a: 1 }).etag);
    expect(jsonBody({ a: 1 }).etag).not.toBe(jsonBody({ a: 2 }).etag);
  });
});
