import type { SignalApi } from '@backstage/plugin-signals-react';
import type {
  ClusterSummary,
  NodePoolSummary,
  NodeRow,
  WorkloadsResponse,
} from '@fdp/plugin-cluster-health-common';
import { ClusterHealthApi } from '../api';

type Result<T> = T | Error | (() => T | Promise<T>);

async function resolve<T>(value: Result<T>): Promise<T> {
  if (value instanceof Error) {
    throw value;
  }
  if (typeof value === 'function') {
    return (value as () => T | Promise<T>)();
  }
  return value;
}

/** A fake {@link ClusterHealthApi} whose answers the test sets. */
export class FakeClusterHealthApi implements ClusterHealthApi {
  clusters: Result<ClusterSummary[]> = [];
  pools: Result<NodePoolSummary[]> = [];
  nodes: Result<NodeRow[]> = [];
  workloads: Result<WorkloadsResponse> = {
    entityRef: '',
    workloads: [],
    errors: [],
  };

  readonly getClusters = jest.fn(() => resolve(this.clusters));
  readonly getNodePools = jest.fn((_cluster: string) => resolve(this.pools));
  readonly getNodes = jest.fn((_cluster: string, _pool: string) =>
    resolve(this.nodes),
  );
  readonly getWorkloads = jest.fn((_entityRef: string) =>
    resolve(this.workloads),
  );

  constructor(init?: {
    clusters?: Result<ClusterSummary[]>;
    pools?: Result<NodePoolSummary[]>;
    nodes?: Result<NodeRow[]>;
    workloads?: Result<WorkloadsResponse>;
  }) {
    Object.assign(this, init);
  }
}

/** A fake signal API on which the test can publish messages. */
export class FakeSignalApi implements SignalApi {
  private readonly subscribers = new Map<string, Set<(message: any) => void>>();

  subscribe(channel: string, onMessage: (message: any) => void) {
    const set = this.subscribers.get(channel) ?? new Set();
    set.add(onMessage);
    this.subscribers.set(channel, set);
    return {
      unsubscribe: () => {
        set.delete(onMessage);
      },
    };
  }

  publish(channel: string, message: object) {
    for (const listener of this.subscribers.get(channel) ?? []) {
      listener(message);
    }
  }

  subscriberCount(channel: string): number {
    return this.subscribers.get(channel)?.size ?? 0;
  }
}
