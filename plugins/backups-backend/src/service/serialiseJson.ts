import { createHash } from 'node:crypto';

/** A response serialised once: the JSON body (UTF-8) and its ETag. */
export interface SerialisedJson {
  body: Buffer;
  etag: string;
}

export function serialiseJson(value: unknown): SerialisedJson {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  return {
    body,
    etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
  };
}
