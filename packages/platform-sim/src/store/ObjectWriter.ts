/**
 * Writes objects into the store with the metadata the API server maintains:
 * uid, creationTimestamp, generation, resourceVersion and managedFields.
 */
import { ResourceType, resourceKey } from '../api/resources';
import { k8sTime } from '../util/clock';
import { Random } from '../util/random';
import { Entry, ObjectStore } from './ObjectStore';
import {
  fieldSetOf,
  FieldSet,
  ManagedFieldsEntry,
  takeOwnership,
  unionSets,
} from '../api/managedFields';
import { apiVersionOf } from '../api/resources';

export interface WriteContext {
  /** Field manager recorded in managedFields (omitted for controller status writes). */
  manager?: string;
  /** Subresource the write went through (`status`, `scale`). */
  subresource?: string;
  /** Field set the manager changed (default: the whole object). */
  fields?: FieldSet;
}

/** Everything but metadata and status, to detect spec changes that bump generation. */
function specSignature(obj: any): string {
  const { metadata: _m, status: _s, ...rest } = obj ?? {};
  return JSON.stringify(rest);
}

export class ObjectWriter {
  constructor(
    readonly store: ObjectStore,
    private readonly rng: Random,
    private readonly nowMs: () => number,
  ) {}

  now(): number {
    return this.nowMs();
  }

  uid(): string {
    return this.rng.uuid();
  }

  /** Random name suffix, as generateName produces. */
  suffix(length = 5): string {
    return this.rng.suffix(length);
  }

  /** Creates an object (caller checked it does not exist). */
  create(type: ResourceType, obj: any, ctx: WriteContext = {}): Entry {
    const meta = obj.metadata;
    meta.uid = meta.uid ?? this.rng.uuid();
    meta.creationTimestamp = k8sTime(this.nowMs());
    if (type.group !== 'metrics.k8s.io') meta.generation = 1;
    if (!type.namespaced) delete meta.namespace;
    if (meta.generateName && !meta.name) {
      meta.name = `${meta.generateName}${this.rng.suffix(5)}`;
    }
    if (ctx.manager) {
      const fields = ctx.fields ?? fieldSetOf(obj);
      meta.managedFields = [
        this.managedEntry(type, ctx.manager, 'Update', fields, ctx.subresource),
      ];
    }
    return this.store.put(resourceKey(type), obj, 'ADDED');
  }

  /**
   * Replaces an object. Keeps identity fields from `current`; bumps generation when
   * anything outside metadata and status changed.
   */
  update(
    type: ResourceType,
    current: any,
    next: any,
    ctx: WriteContext = {},
  ): Entry {
    const meta = next.metadata;
    meta.uid = current.metadata.uid;
    meta.creationTimestamp = current.metadata.creationTimestamp;
    meta.name = current.metadata.name;
    if (type.namespaced) meta.namespace = current.metadata.namespace;
    else delete meta.namespace;
    if (current.metadata.generation !== undefined) {
      meta.generation =
        specSignature(current) !== specSignature(next)
          ? (current.metadata.generation ?? 0) + 1
          : current.metadata.generation;
    }
    if (ctx.manager) {
      meta.managedFields = this.recordUpdate(
        type,
        current.metadata.managedFields ?? [],
        ctx.manager,
        ctx.fields ?? fieldSetOf(next),
        ctx.subresource,
      );
    } else if (current.metadata.managedFields && !meta.managedFields) {
      meta.managedFields = current.metadata.managedFields;
    }
    return this.store.put(resourceKey(type), next, 'MODIFIED');
  }

  /** Stores `next` only if it differs from `current` (ignoring resourceVersion). */
  updateIfChanged(type: ResourceType, current: any, next: any): boolean {
    const a = JSON.stringify({
      ...current,
      metadata: { ...current.metadata, resourceVersion: '' },
    });
    const b = JSON.stringify({
      ...next,
      metadata: { ...next.metadata, resourceVersion: '' },
    });
    if (a === b) return false;
    this.update(type, current, next);
    return true;
  }

  delete(type: ResourceType, namespace: string | undefined, name: string): any {
    return this.store.remove(
      resourceKey(type),
      type.namespaced ? namespace : undefined,
      name,
    );
  }

  managedEntry(
    type: ResourceType,
    manager: string,
    operation: 'Apply' | 'Update',
    fields: FieldSet,
    subresource?: string,
  ): ManagedFieldsEntry {
    return {
      manager,
      operation,
      apiVersion: apiVersionOf(type),
      time: k8sTime(this.nowMs()),
      fieldsType: 'FieldsV1',
      fieldsV1: fields,
      ...(subresource ? { subresource } : {}),
    };
  }

  private recordUpdate(
    type: ResourceType,
    entries: ManagedFieldsEntry[],
    manager: string,
    fields: FieldSet,
    subresource?: string,
  ): ManagedFieldsEntry[] {
    const rest = takeOwnership(entries, manager, 'Update', fields);
    const idx = rest.findIndex(
      e =>
        e.manager === manager &&
        e.operation === 'Update' &&
        e.subresource === subresource,
    );
    if (idx >= 0) {
      rest[idx] = {
        ...rest[idx],
        time: k8sTime(this.nowMs()),
        fieldsV1: unionSets(rest[idx].fieldsV1, fields),
      };
      return rest;
    }
    return [
      ...rest,
      this.managedEntry(type, manager, 'Update', fields, subresource),
    ];
  }
}
