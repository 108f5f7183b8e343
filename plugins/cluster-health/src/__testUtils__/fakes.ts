import type {
  ClusterSummary,
  DeploymentHistoryResponse,
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
  deploymentHistory: Result<DeploymentHistoryResponse> = {
    entityRef: '',
    deployments: [],
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
  readonly getDeploymentHistory = jest.fn((_entityRef: string) =>
    resolve(this.deploymentHistory),
  );

  constructor(init?: {
    clusters?: Result<ClusterSummary[]>;
    pools?: Result<NodePoolSummary[]>;
    nodes?: Result<NodeRow[]>;
    workloads?: Result<WorkloadsResponse>;
    deploymentHistory?: Result<DeploymentHistoryResponse>;
  }) {
    Object.assign(this, init);
  }
}
