import { HumanDuration, durationToMilliseconds } from '@backstage/types';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/** A response body serialised once, with its entity tag. */
export interface JsonBody {
  json: string;
  etag: string;
}

/** `value` as JSON with a SHA-1 entity tag. */
export function jsonBody(value: unknown): JsonBody {
  const json = JSON.stringify(value);
  const hash = createHash('sha1').update(json).digest('base64url');
  return { json, etag: `"${hash}"` };
}

/**
 * Response bodies shared by every request for a short while: built once per
 * key and `ttl` (concurrent misses share one build; a failed build is not
 * kept), then served as the same bytes. For answers that are the same for
 * every caller allowed to ask, read from sources that are slow to ask.
 */
export class JsonBodyCache {
  private readonly cache: LRUCache<string, JsonBody, () => Promise<unknown>>;

  private constructor(options: { ttl: HumanDuration; maxEntries: number }) {
    this.cache = new LRUCache<string, JsonBody, () => Promise<unknown>>({
      max: options.maxEntries,
      ttl: durationToMilliseconds(options.ttl),
      fetchMethod: async (_key, _stale, { context }) =>
        jsonBody(await context()),
    });
  }

  /** `ttl` default 1 s, `maxEntries` default 100. */
  static create(
    options: { ttl?: HumanDuration; maxEntries?: number } = {},
  ): JsonBodyCache {
    return new JsonBodyCache({
      ttl: options.ttl ?? { seconds: 1 },
      maxEntries: options.maxEntries ?? 100,
    });
  }

  /** The body of `key`, built by `build` when not kept. */
  async get(key: string, build: () => Promise<unknown>): Promise<JsonBody> {
    return (await this.cache.fetch(key, { context: build }))!;
  }

  /** Drops every kept body (after a change this process made). */
  clear() {
    this.cache.clear();
  }
}

/** Sends a serialised body with its ETag, or 304 when the client already has it. */
export function sendJsonBody(req: Request, res: Response, body: JsonBody) {
  res.set('ETag', body.etag);
  res.type('json');
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.send(body.json);
}
