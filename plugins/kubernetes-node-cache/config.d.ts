export interface Config {
  /**
   * The shared Kubernetes informer cache (`@fdp/plugin-kubernetes-node-cache`).
   * Clusters come from `kubernetes.clusterLocatorMethods` (type `config`);
   * only those with `authProvider: serviceAccount` and a
   * `serviceAccountToken` are watched.
   */
  kubernetesNodeCache?: {
    /**
     * Path of a kubeconfig file for local use: each context becomes a watched
     * cluster named after the context (skipped when a configured cluster has
     * that name). The file's credentials are used server-side.
     */
    kubeconfig?: string;
    /**
     * Seconds between metrics rounds (metrics.k8s.io nodes, the pod-metrics
     * queries being asked for, kubelet stats summary for disk). Default 30.
     */
    metricsIntervalSeconds?: number;
    /**
     * Seconds between full relists of every watched kind (0 disables).
     * Default 1800.
     */
    resyncIntervalSeconds?: number;
    /** Server-side timeout of one watch request, renewed after it. Default 300. */
    watchTimeoutSeconds?: number;
    /** Items per LIST page. Default 500. */
    listPageSize?: number;
    /** Reconnect backoff of broken watches. */
    backoff?: {
      /** First delay in milliseconds. Default 1000. */
      initialMs?: number;
      /** Longest delay in milliseconds. Default 30000. */
      maxMs?: number;
    };
    /**
     * The kubelet stats summary (node disk) is one request per node through
     * the API server's node proxy; these bound that load.
     */
    statsSummary?: {
      /** Requests in flight at once. Default 16. */
      concurrency?: number;
      /**
       * Nodes asked per metrics round, rotating through all nodes, so large
       * clusters refresh each node's disk every ceil(nodes / this) rounds.
       * Default 500.
       */
      maxNodesPerRound?: number;
    };
    /**
     * Pod metrics are fetched per namespace and label selector that a
     * consumer (the Kubernetes tab) asks for, then refreshed every round.
     */
    podMetrics?: {
      /** Seconds a query is kept refreshed after it was last asked for. Default 300. */
      idleSeconds?: number;
    };
  };
}
