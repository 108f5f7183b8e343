import {
  ApiException,
  KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
} from '@kubernetes/client-node';
import { isDeepStrictEqual } from 'node:util';
import { applyError } from './applyError';

/** The portal's field manager: the owner of every field it applies. */
export const FIELD_MANAGER = 'fdp-portal-scaffolder';

export type ApplyResult = 'created' | 'configured' | 'unchanged';

/** The object without what changes on every write. */
function content(object: KubernetesObject | undefined) {
  if (!object) return undefined;
  const { resourceVersion, managedFields, ...metadata } = object.metadata ?? {};
  const { status, ...rest } = object as KubernetesObject & {
    status?: unknown;
  };
  return { ...rest, metadata };
}

async function readCurrent(
  api: KubernetesObjectApi,
  object: KubernetesObject,
): Promise<KubernetesObject | undefined> {
  try {
    return await api.read({
      apiVersion: object.apiVersion!,
      kind: object.kind!,
      metadata: {
        name: object.metadata!.name!,
        namespace: object.metadata!.namespace!,
      },
    });
  } catch (e) {
    if (e instanceof ApiException && e.code === 404) return undefined;
    throw e;
  }
}

/**
 * Server-side apply of one object (`application/apply-patch+yaml`, our field
 * manager, force=false so another manager's fields are a conflict, not a
 * takeover). `dryRun` → the API server's own `dryRun=All`. The result says,
 * as `kubectl apply` does, whether anything changed.
 */
export async function applyObject(
  api: KubernetesObjectApi,
  object: KubernetesObject,
  options: { dryRun: boolean },
): Promise<{ result: ApplyResult; object: KubernetesObject }> {
  const what = `${object.kind} ${object.metadata?.namespace}/${object.metadata?.name}`;
  try {
    const before = await readCurrent(api, object);
    const after = await api.patch(
      object,
      undefined,
      options.dryRun ? 'All' : undefined,
      FIELD_MANAGER,
      false,
      PatchStrategy.ServerSideApply,
    );
    let result: ApplyResult = 'configured';
    if (!before) result = 'created';
    else if (isDeepStrictEqual(content(before), content(after)))
      result = 'unchanged';
    return { result, object: after };
  } catch (e) {
    throw applyError(e, what);
  }
}
