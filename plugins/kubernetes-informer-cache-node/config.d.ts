export interface Config {
  /**
   * The shared Kubernetes informer cache (`@fdp/plugin-kubernetes-informer-cache-node`).
   * Clusters come from the official Kubernetes plugin's locators
   * (`kubernetes.clusterLocatorMethods`: config, catalog, gke,
   * localKubectlProxy) through the informer-cache module; without the plugin,
   * from its `type: config` entries. Those whose auth provider works
   * server-side (serviceAccount, also without a token in config: the pod's
   * projected token; aws; azure; googleServiceAccount; localKubectlProxy)
   * are watched.
   */
  kubernetesInformerCache?: {
    /**
     * Path of a kubeconfig file for local use: each context becomes a watched
     * cluster named after the context (skipped when a configured cluster has
     * that name). The file's credentials are used server-side.
     */
    kubeconfig?: string;
    /**
     * Seconds between metrics rounds (metrics.k8s.io nodes, the pod-metrics
     * queries being asked for, node disk). Default 30.
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
     * Where node disk usage comes from. Default: Prometheus when
     * `prometheus.url` is set, otherwise none.
     */
    diskUsage?: {
      /**
       * `prometheus`: one instant query per round for every node's root
       * filesystem (node-exporter's `node_filesystem_size_bytes` and
       * `node_filesystem_avail_bytes`, mountpoint `/`, not tmpfs).
       * `kubeletStats`: each kubelet's stats summary through the API server's
       * node proxy; needs `get nodes/proxy`, which also allows exec into
       * every pod (deploy/portal/optional/kubelet-stats-rbac.yaml).
       * `none`: no disk figures.
       */
      source?: 'prometheus' | 'kubeletStats' | 'none';
      prometheus?: {
        /** Base URL of the Prometheus HTTP API, e.g. http://prometheus:9090 */
        url?: string;
        /**
         * The label naming a series' node. Default: the first present of
         * `node`, `kubernetes_node` (this platform's kubernetes-pods scrape
         * job) and `instance` (kube-prometheus; a `:port` suffix is dropped).
         */
        nodeLabel?: string;
        /**
         * When one Prometheus holds several clusters: the label whose value is
         * the cluster's name (e.g. `cluster`); each cluster then gets its own
         * query. Default: none (every series counts for every cluster).
         */
        clusterLabel?: string;
      };
    };
    /**
     * With `diskUsage.source: kubeletStats`, the stats summary is one request
     * per node through the API server's node proxy; these bound that load
     * (`concurrency` also bounds the pod-metrics queries of a round).
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
  /**
   * @deprecated the former name of `kubernetesInformerCache`, still read
   * (with a warning) when the new key is absent.
   */
  kubernetesNodeCache?: Config['kubernetesInformerCache'];
}
