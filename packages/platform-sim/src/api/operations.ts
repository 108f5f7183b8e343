/**
 * The write and read operations of the API, independent of HTTP: create, replace, patch,
 * server-side apply, delete, and the status/scale subresources.
 */
import {
  apiVersionOf,
  findResource,
  ResourceType,
  resourceKey,
  STORED_TYPES,
} from './resources';
import {
  ApiError,
  alreadyExists,
  badRequest,
  notFound,
  successStatus,
} from './status';
import { applyDefaults } from './defaults';
import { validateObject } from './validation';
import { deepClone, isObject, mergePatch, strategicMergePatch } from './patch';
import { applyJsonPatch } from './jsonPatch';
import {
  deleteAt,
  fieldSetOf,
  findConflicts,
  leafPaths,
  ManagedFieldsEntry,
  ownedByOthers,
  takeOwnership,
} from './managedFields';
import type { ObjectWriter } from '../store/ObjectWriter';
import type { Cluster } from '../controller/Cluster';
import { k8sTime } from '../util/clock';
import { selectorString } from '../controller/workloads';

export type PatchType = 'merge' | 'strategic' | 'json' | 'apply';

export interface WriteOptions {
  /** Field manager (query `fieldManager`, else derived from the user agent). */
  manager: string;
  /** `dryRun=All`: validate and return the result without storing it. */
  dryRun?: boolean;
  /** Server-side apply `force=true`. */
  force?: boolean;
  /** Subresource (`status`, `scale`). */
  subresource?: string;
}

const NAMESPACES = findResource('', 'v1', 'namespaces')!;

function checkIdentity(
  type: ResourceType,
  body: any,
  namespace: string | undefined,
  name?: string,
): void {
  if (!isObject(body))
    throw badRequest(
      'the body of the request was in an unknown format - it must be a JSON or YAML object',
    );
  const expected = apiVersionOf(type);
  if (body.apiVersion !== undefined && body.apiVersion !== expected) {
    throw badRequest(
      `the API version in the data (${body.apiVersion}) does not match the expected API version (${expected})`,
    );
  }
  if (body.kind !== undefined && body.kind !== type.kind) {
    throw badRequest(
      `the kind in the data (${body.kind}) does not match the expected kind (${type.kind})`,
    );
  }
  if (body.metadata !== undefined && !isObject(body.metadata)) {
    throw badRequest('metadata must be an object');
  }
  const bodyNs = body.metadata?.namespace;
  if (type.namespaced && bodyNs && namespace && bodyNs !== namespace) {
    throw badRequest(
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  }
  if (
    name !== undefined &&
    body.metadata?.name &&
    body.metadata.name !== name
  ) {
    throw badRequest(
      `the name of the object (${body.metadata.name}) does not match the name on the URL (${name})`,
    );
  }
}

function withoutStatusChanges(
  type: ResourceType,
  current: any,
  next: any,
): any {
  if (!type.subresources?.includes('status')) return next;
  const out = { ...next };
  if (current.status === undefined) delete out.status;
  else out.status = current.status;
  return out;
}

export class Operations {
  constructor(
    private readonly writer: ObjectWriter,
    private readonly cluster: Cluster,
  ) {}

  private get store() {
    return this.writer.store;
  }

  get(type: ResourceType, namespace: string | undefined, name: string): any {
    const obj = this.store.get(
      type,
      type.namespaced ? namespace : undefined,
      name,
    );
    if (!obj) throw notFound(type, name);
    return obj;
  }

  private requireNamespace(
    type: ResourceType,
    namespace: string | undefined,
  ): void {
    if (!type.namespaced) return;
    if (!namespace)
      throw badRequest('a namespace is required for this resource');
    const ns = this.store.get(NAMESPACES, undefined, namespace);
    if (!ns) throw notFound(NAMESPACES, namespace);
    if (ns.status?.phase === 'Terminating') {
      throw new ApiError(
        403,
        'Forbidden',
        `unable to create new content in namespace ${namespace} because it is being terminated`,
      );
    }
  }

  /** Creates an object (POST). */
  create(
    type: ResourceType,
    namespace: string | undefined,
    body: any,
    opts: WriteOptions,
  ): any {
    checkIdentity(type, body, namespace);
    if (type.readOnly)
      throw new ApiError(
        405,
        'MethodNotAllowed',
        `the server does not allow this method on the requested resource`,
      );
    const obj = deepClone(body);
    obj.apiVersion = apiVersionOf(type);
    obj.kind = type.kind;
    obj.metadata = { ...(obj.metadata ?? {}) };
    if (type.namespaced) obj.metadata.namespace = namespace;
    for (const f of [
      'uid',
      'resourceVersion',
      'creationTimestamp',
      'generation',
      'managedFields',
      'deletionTimestamp',
    ]) {
      delete obj.metadata[f];
    }
    validateObject(obj);
    this.requireNamespace(type, namespace);
    if (
      obj.metadata.name &&
      this.store.get(type, namespace, obj.metadata.name)
    ) {
      throw alreadyExists(type, obj.metadata.name);
    }
    const fields = fieldSetOf(obj);
    let prepared = applyDefaults(obj);
    prepared.metadata.uid = this.writer.uid();
    prepared = this.prepareCreate(prepared);
    if (opts.dryRun) return this.dryRunResult(type, prepared);
    const entry = this.writer.create(type, prepared, {
      manager: opts.manager,
      fields,
    });
    this.cluster.drain();
    return this.store.getEntry(resourceKey(type), entry.key)?.obj ?? entry.obj;
  }

  private dryRunResult(type: ResourceType, obj: any): any {
    obj.metadata.creationTimestamp =
      obj.metadata.creationTimestamp ?? k8sTime(this.writer.now());
    if (obj.metadata.generation === undefined && !type.readOnly)
      obj.metadata.generation = 1;
    if (!obj.metadata.name && obj.metadata.generateName)
      obj.metadata.name = `${obj.metadata.generateName}${this.writer.suffix()}`;
    return obj;
  }

  private prepareCreate(obj: any): any {
    if (obj.kind === 'Job' && !obj.spec?.manualSelector) {
      const uid = obj.metadata.uid;
      const labels = {
        'batch.kubernetes.io/controller-uid': uid,
        'batch.kubernetes.io/job-name': obj.metadata.name,
        'controller-uid': uid,
        'job-name': obj.metadata.name,
      };
      obj.spec.selector = {
        matchLabels: { 'batch.kubernetes.io/controller-uid': uid },
      };
      obj.spec.template = {
        ...obj.spec.template,
        metadata: {
          ...obj.spec.template.metadata,
          labels: { ...(obj.spec.template.metadata?.labels ?? {}), ...labels },
        },
      };
    }
    if (obj.kind === 'Pod' && !obj.status) obj.status = { phase: 'Pending' };
    return obj;
  }

  /** Replaces an object (PUT). */
  replace(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    body: any,
    opts: WriteOptions,
  ): any {
    checkIdentity(type, body, namespace, name);
    const current = this.get(type, namespace, name);
    const rv = body.metadata?.resourceVersion;
    if (rv && rv !== current.metadata.resourceVersion)
      throw this.conflict(type, name);
    const next = deepClone(body);
    next.apiVersion = apiVersionOf(type);
    next.kind = type.kind;
    next.metadata = { ...(next.metadata ?? {}), name };
    if (type.namespaced) next.metadata.namespace = namespace;
    return this.store_(type, current, next, opts, fieldSetOf(body));
  }

  private conflict(type: ResourceType, name: string): ApiError {
    const what = type.group ? `${type.plural}.${type.group}` : type.plural;
    return new ApiError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${what} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      { name, group: type.group || undefined, kind: type.plural },
    );
  }

  /** Common tail of replace/patch: subresource handling, validation, defaults, store. */
  private store_(
    type: ResourceType,
    current: any,
    candidate: any,
    opts: WriteOptions,
    fields: any,
  ): any {
    let next = candidate;
    if (opts.subresource === 'status') {
      next = {
        ...current,
        metadata: { ...current.metadata },
        status: candidate.status,
      };
    } else {
      next = withoutStatusChanges(type, current, candidate);
      next.metadata = {
        ...next.metadata,
        name: current.metadata.name,
        ...(type.namespaced ? { namespace: current.metadata.namespace } : {}),
      };
      if (
        next.metadata.managedFields === undefined &&
        current.metadata.managedFields
      ) {
        next.metadata.managedFields = current.metadata.managedFields;
      }
      validateObject(next);
      next = applyDefaults(next);
      if (type.kind === 'Namespace') next.status = current.status;
    }
    if (opts.dryRun)
      return {
        ...next,
        metadata: {
          ...next.metadata,
          uid: current.metadata.uid,
          creationTimestamp: current.metadata.creationTimestamp,
          resourceVersion: current.metadata.resourceVersion,
        },
      };
    const entry = this.writer.update(type, current, next, {
      manager: opts.manager,
      subresource: opts.subresource,
      fields,
    });
    this.cluster.drain();
    return this.store.getEntry(resourceKey(type), entry.key)?.obj ?? entry.obj;
  }

  /** PATCH with merge, strategic-merge or JSON patch. */
  patch(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    patchType: Exclude<PatchType, 'apply'>,
    body: any,
    opts: WriteOptions,
  ): any {
    const current = this.get(type, namespace, name);
    let next: any;
    if (patchType === 'json') {
      if (!Array.isArray(body))
        throw badRequest('json patch must be an array of operations');
      next = applyJsonPatch(current, body);
    } else {
      if (!isObject(body)) throw badRequest('patch body must be a JSON object');
      const rv = body.metadata?.resourceVersion;
      if (rv && rv !== current.metadata.resourceVersion)
        throw this.conflict(type, name);
      next =
        patchType === 'merge'
          ? mergePatch(current, body)
          : strategicMergePatch(current, body);
    }
    if (!isObject(next)) throw badRequest('patch result is not an object');
    checkIdentity(type, next, namespace, name);
    const fields = patchType === 'json' ? fieldSetOf(next) : fieldSetOf(body);
    return this.store_(type, current, next, opts, fields);
  }

  /** Server-side apply (`application/apply-patch+yaml`). */
  apply(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    body: any,
    opts: WriteOptions,
  ): any {
    if (!isObject(body))
      throw badRequest('apply patch must be a YAML or JSON object');
    if (body.apiVersion === undefined || body.kind === undefined) {
      throw badRequest(
        'apiVersion and kind must be set in an apply configuration',
      );
    }
    checkIdentity(type, body, namespace, name);
    if (!opts.manager || opts.manager === 'unknown') {
      throw badRequest(
        'PATCH requests with apply-patch content type require a fieldManager',
      );
    }
    const config = deepClone(body);
    config.metadata = { ...(config.metadata ?? {}), name };
    if (type.namespaced) config.metadata.namespace = namespace;
    for (const f of [
      'uid',
      'resourceVersion',
      'creationTimestamp',
      'generation',
      'managedFields',
    ])
      delete config.metadata[f];
    const applied = fieldSetOf(config);
    const current = this.store.get(
      type,
      type.namespaced ? namespace : undefined,
      name,
    );
    const entryFor = (): ManagedFieldsEntry =>
      this.writer.managedEntry(
        type,
        opts.manager,
        'Apply',
        applied,
        opts.subresource,
      );
    if (!current) {
      validateObject(config);
      this.requireNamespace(type, namespace);
      let obj = applyDefaults(config);
      obj.metadata.uid = this.writer.uid();
      obj = this.prepareCreate(obj);
      obj.metadata.managedFields = [entryFor()];
      if (opts.dryRun) return this.dryRunResult(type, obj);
      const entry = this.writer.create(type, obj);
      this.cluster.drain();
      return (
        this.store.getEntry(resourceKey(type), entry.key)?.obj ?? entry.obj
      );
    }
    const entries: ManagedFieldsEntry[] = current.metadata.managedFields ?? [];
    const conflicts = findConflicts(
      entries,
      opts.manager,
      applied,
      applyDefaults(config),
      current,
    );
    if (conflicts.length && !opts.force) {
      const list = conflicts.map(
        c =>
          `conflict with "${c.manager}"${
            c.manager === 'kube-controller-manager'
              ? ' with subresource "scale"'
              : ''
          }: ${c.path}`,
      );
      throw new ApiError(
        409,
        'Conflict',
        `Apply failed with ${conflicts.length} conflict${
          conflicts.length > 1 ? 's' : ''
        }: ${list.join('\n')}`,
        {
          causes: conflicts.map(c => ({
            reason: 'FieldManagerConflict',
            message: `conflict with "${c.manager}"`,
            field: c.path,
          })),
        },
      );
    }
    // an allocated clusterIP is kept when the applied config does not name one, as the API server does
    const desired =
      type.kind === 'Service' &&
      current.spec?.clusterIP &&
      !config.spec?.clusterIP
        ? {
            ...config,
            spec: {
              ...config.spec,
              clusterIP: current.spec.clusterIP,
              clusterIPs: current.spec.clusterIPs,
            },
          }
        : config;
    let next = strategicMergePatch(current, applyDefaults(desired));
    // fields this manager applied before but no longer does, and nobody else owns, are removed
    const mine = entries.find(
      e => e.manager === opts.manager && e.operation === 'Apply',
    );
    const others = entries.filter(e => e !== mine);
    if (mine) {
      const appliedPaths = new Set(
        leafPaths(applied).map(p => JSON.stringify(p)),
      );
      for (const p of leafPaths(mine.fieldsV1)) {
        if (appliedPaths.has(JSON.stringify(p))) continue;
        if (ownedByOthers(others, opts.manager, p)) continue;
        deleteAt(next, p);
      }
    }
    const newEntries = [
      ...takeOwnership(others, opts.manager, 'Apply', applied),
      entryFor(),
    ];
    next = {
      ...next,
      metadata: { ...next.metadata, managedFields: newEntries },
    };
    return this.store_(type, current, next, { ...opts, manager: '' }, applied);
  }

  /** DELETE one object; pods are returned, other kinds get a Success Status. */
  delete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    opts: {
      dryRun?: boolean;
      preconditionUid?: string;
      preconditionRv?: string;
    },
  ): any {
    const current = this.get(type, namespace, name);
    if (opts.preconditionUid && opts.preconditionUid !== current.metadata.uid) {
      throw new ApiError(
        409,
        'Conflict',
        `Precondition failed: UID in precondition: ${opts.preconditionUid}, UID in object meta: ${current.metadata.uid}`,
      );
    }
    if (
      opts.preconditionRv &&
      opts.preconditionRv !== current.metadata.resourceVersion
    )
      throw this.conflict(type, name);
    const details = {
      name,
      group: type.group || undefined,
      kind: type.plural,
      uid: current.metadata.uid,
    } as any;
    if (opts.dryRun)
      return type.kind === 'Pod' ? current : successStatus(details);
    if (type.kind === 'Namespace') {
      for (const t of STORED_TYPES) {
        if (!t.namespaced) continue;
        for (const e of [...this.store.entries(resourceKey(t), name)])
          this.writer.delete(t, name, e.obj.metadata.name);
      }
    }
    const deleted = this.writer.delete(type, namespace, name);
    this.cluster.drain();
    if (type.kind === 'Pod' || type.kind === 'Namespace') {
      const now = k8sTime(this.writer.now());
      return {
        ...deleted,
        metadata: {
          ...deleted.metadata,
          deletionTimestamp: now,
          deletionGracePeriodSeconds: type.kind === 'Pod' ? 30 : 0,
        },
        ...(type.kind === 'Namespace'
          ? { status: { phase: 'Terminating' } }
          : {}),
      };
    }
    return successStatus(details);
  }

  /** The Scale subresource of a workload. */
  getScale(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): any {
    const obj = this.get(type, namespace, name);
    return {
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: {
        name,
        namespace,
        uid: obj.metadata.uid,
        resourceVersion: obj.metadata.resourceVersion,
        creationTimestamp: obj.metadata.creationTimestamp,
      },
      spec: { replicas: obj.spec?.replicas ?? 1 },
      status: {
        replicas: obj.status?.replicas ?? 0,
        selector: selectorString(obj),
      },
    };
  }

  /** Writes `spec.replicas` through the scale subresource (PUT or PATCH body already merged). */
  setScale(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    scale: any,
    opts: WriteOptions,
  ): any {
    const replicas = scale?.spec?.replicas;
    if (!(Number.isInteger(replicas) && replicas >= 0)) {
      throw new ApiError(
        422,
        'Invalid',
        `Scale.autoscaling "${name}" is invalid: spec.replicas: Invalid value: ${JSON.stringify(
          replicas,
        )}: must be greater than or equal to 0`,
        {
          name,
          kind: 'Scale',
          causes: [
            {
              reason: 'FieldValueInvalid',
              message: 'must be greater than or equal to 0',
              field: 'spec.replicas',
            },
          ],
        },
      );
    }
    const current = this.get(type, namespace, name);
    if (
      scale?.metadata?.resourceVersion &&
      scale.metadata.resourceVersion !== current.metadata.resourceVersion
    ) {
      throw this.conflict(type, name);
    }
    if (!opts.dryRun) {
      this.writer.update(
        type,
        current,
        {
          ...current,
          metadata: { ...current.metadata },
          spec: { ...current.spec, replicas },
        },
        {
          manager: opts.manager,
          subresource: 'scale',
          fields: { 'f:spec': { 'f:replicas': {} } },
        },
      );
      this.cluster.drain();
    }
    const result = this.getScale(type, namespace, name);
    if (opts.dryRun) result.spec.replicas = replicas;
    return result;
  }
}
