/** Reading and decoding request bodies by content type. */
import type { IncomingMessage } from 'node:http';
import YAML from 'yaml';
import { ApiError, badRequest } from '../api/status';
import type { PatchType } from '../api/operations';

const MAX_BODY = 16 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > MAX_BODY) {
        failed = true;
        reject(
          new ApiError(
            413,
            'RequestEntityTooLarge',
            'the request body is too large',
          ),
        );
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', e => {
      if (!failed) reject(e);
    });
  });
}

export function mediaType(req: IncomingMessage): string {
  return String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
}

/** Decodes a JSON (or, for YAML content types, YAML) body. */
export function decodeBody(text: string, type: string): unknown {
  if (!text.trim()) throw badRequest('the request body is empty');
  const yaml =
    type === 'application/yaml' ||
    type === 'application/apply-patch+yaml' ||
    type === 'text/yaml';
  try {
    if (yaml) return YAML.parse(text, { maxAliasCount: 100 });
    return JSON.parse(text);
  } catch (e) {
    const what = yaml ? 'YAML' : 'JSON';
    throw badRequest(
      `error decoding ${what} body: ${(e as Error).message.split('\n')[0]}`,
    );
  }
}

/** The patch flavour of a PATCH request's content type. */
export function patchTypeOf(type: string): PatchType {
  switch (type) {
    case 'application/merge-patch+json':
      return 'merge';
    case 'application/strategic-merge-patch+json':
      return 'strategic';
    case 'application/json-patch+json':
      return 'json';
    case 'application/apply-patch+yaml':
    case 'application/apply-patch+json':
      return 'apply';
    default:
      throw new ApiError(
        415,
        'UnsupportedMediaType',
        `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`,
      );
  }
}

/** Content types accepted for POST/PUT bodies. */
export function checkWriteContentType(type: string): void {
  if (
    type === '' ||
    type === 'application/json' ||
    type === 'application/yaml' ||
    type === 'text/yaml'
  )
    return;
  if (type === 'application/vnd.kubernetes.protobuf') {
    throw new ApiError(
      415,
      'UnsupportedMediaType',
      'protobuf is not supported by the simulator; use application/json',
    );
  }
  throw new ApiError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml`,
  );
}
