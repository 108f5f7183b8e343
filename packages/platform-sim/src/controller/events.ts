/** Records core/v1 Events the way controllers do, deduplicated and capped. */
import { findResource } from '../api/resources';
import { k8sTime } from '../util/clock';
import { ObjectWriter } from '../store/ObjectWriter';

const EVENTS = findResource('', 'v1', 'events')!;

export class EventRecorder {
  private readonly byKey = new Map<string, { ns: string; name: string }>();
  private readonly order: string[] = [];
  private seq = 0;

  constructor(
    private readonly writer: ObjectWriter,
    private readonly maxEvents: number,
  ) {}

  record(
    involved: any,
    reason: string,
    message: string,
    type: 'Normal' | 'Warning' = 'Normal',
    component = 'kube-controller-manager',
  ): void {
    if (
      !this.writer.store.recording ||
      this.maxEvents === 0 ||
      !involved?.metadata
    )
      return;
    const ns = involved.metadata.namespace ?? 'default';
    const key = `${involved.metadata.uid}|${reason}|${message}`;
    const now = this.writer.now();
    const existingRef = this.byKey.get(key);
    const existing = existingRef
      ? this.writer.store.get('events', existingRef.ns, existingRef.name)
      : undefined;
    if (existing) {
      this.writer.update(EVENTS, existing, {
        ...existing,
        metadata: { ...existing.metadata },
        count: (existing.count ?? 1) + 1,
        lastTimestamp: k8sTime(now),
      });
      return;
    }
    const name = `${involved.metadata.name}.${(
      Math.floor(now) * 1000 +
      this.seq++
    ).toString(16)}`;
    const apiVersion = involved.apiVersion ?? 'v1';
    this.writer.create(EVENTS, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: ns },
      involvedObject: {
        kind: involved.kind,
        namespace: involved.metadata.namespace,
        name: involved.metadata.name,
        uid: involved.metadata.uid,
        apiVersion,
        resourceVersion: involved.metadata.resourceVersion,
      },
      reason,
      message,
      source: { component },
      firstTimestamp: k8sTime(now),
      lastTimestamp: k8sTime(now),
      count: 1,
      type,
      eventTime: null,
      reportingComponent: component,
      reportingInstance: '',
    });
    this.byKey.set(key, { ns, name });
    this.order.push(key);
    while (this.order.length > this.maxEvents) {
      const old = this.order.shift()!;
      const ref = this.byKey.get(old);
      this.byKey.delete(old);
      if (ref) this.writer.delete(EVENTS, ref.ns, ref.name);
    }
  }
}
