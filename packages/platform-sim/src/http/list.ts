/** LIST responses, streamed from cached per-object JSON, with selectors and pagination. */
import type { ServerResponse } from 'node:http';
import { apiVersionOf, ResourceType, resourceKey } from '../api/resources';
import {
  FieldRequirement,
  LabelRequirement,
  matchesFields,
  matchesLabels,
} from '../api/selectors';
import { ApiError, badRequest } from '../api/status';
import { Entry, entryJson, ObjectStore } from '../store/ObjectStore';

export interface ListQuery {
  namespace?: string;
  labels: LabelRequirement[];
  fields: FieldRequirement[];
  limit?: number;
  continueToken?: string;
}

interface ContinueState {
  rv: number;
  start: string;
}

export function encodeContinue(state: ContinueState): string {
  return Buffer.from(
    JSON.stringify({ v: 'meta.k8s.io/v1', rv: state.rv, start: state.start }),
  ).toString('base64url');
}

export function decodeContinue(token: string): ContinueState {
  try {
    const raw = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof raw?.start !== 'string' || typeof raw?.rv !== 'number')
      throw new Error('bad');
    return { rv: raw.rv, start: raw.start };
  } catch {
    throw badRequest(
      'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    );
  }
}

export interface ListPage {
  entries: Entry[];
  rv: number;
  continueToken?: string;
  remaining?: number;
}

/** Selects the entries of one page (synchronously, so it is a consistent snapshot). */
export function selectPage(
  store: ObjectStore,
  type: ResourceType,
  q: ListQuery,
): ListPage {
  const resource = resourceKey(type);
  let rv = store.currentRv();
  let after: string | undefined;
  if (q.continueToken) {
    // every page of a list carries the first page's resourceVersion, as the
    // API server serves continuations at that snapshot (our pages are read
    // from the current state: changes since then arrive again on a watch
    // from that version, which is what a client starts after the last page)
    const state = decodeContinue(q.continueToken);
    if (state.rv < store.oldestResumableRv()) {
      throw new ApiError(
        410,
        'Expired',
        'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
      );
    }
    rv = state.rv;
    after = state.start;
  }
  const filtering = q.labels.length > 0 || q.fields.length > 0;
  const entries: Entry[] = [];
  let more = false;
  let remaining = 0;
  for (const e of store.entries(
    resource,
    type.namespaced ? q.namespace : undefined,
    after,
  )) {
    if (filtering) {
      const o = e.obj;
      if (
        !matchesLabels(q.labels, o.metadata.labels) ||
        !matchesFields(q.fields, o)
      )
        continue;
    }
    if (q.limit && entries.length >= q.limit) {
      more = true;
      if (filtering) break;
      remaining++;
      continue;
    }
    entries.push(e);
  }
  const last = entries[entries.length - 1];
  return {
    entries,
    rv,
    ...(more && last
      ? { continueToken: encodeContinue({ rv, start: last.key }) }
      : {}),
    ...(more && !filtering ? { remaining } : {}),
  };
}

const CHUNK = 256 * 1024;

function write(res: ServerResponse, s: string): Promise<void> | undefined {
  if (res.write(s)) return undefined;
  return new Promise(resolve => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Streams a List body (`{"kind":"PodList",...,"items":[...]}`) without building it in memory. */
export async function streamList(
  res: ServerResponse,
  type: ResourceType,
  page: ListPage,
): Promise<void> {
  const meta: Record<string, unknown> = { resourceVersion: String(page.rv) };
  if (page.continueToken) meta.continue = page.continueToken;
  if (page.remaining !== undefined) meta.remainingItemCount = page.remaining;
  res.writeHead(200, { 'Content-Type': 'application/json' });
  let buf = `{"kind":"${type.listKind}","apiVersion":"${apiVersionOf(
    type,
  )}","metadata":${JSON.stringify(meta)},"items":[`;
  for (let i = 0; i < page.entries.length; i++) {
    if (res.destroyed) return;
    buf += (i ? ',' : '') + entryJson(page.entries[i]);
    if (buf.length >= CHUNK) {
      const wait = write(res, buf);
      buf = '';
      if (wait) await wait;
    }
  }
  buf += ']}';
  res.end(buf);
}
