import { HumanDuration } from '@backstage/types';

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
     * Time between metrics rounds (metrics.k8s.io nodes, the pod-metrics
     * queries being asked for, node disk), e.g. `{ seconds: 30 }` or `30s`.
     * Default 30 seconds.
     */
    metricsInterval?: HumanDuration | string;
    /** @deprecated use `metricsInterval`; seconds, still read (with a warning) when it is absent */
    metricsIntervalSeconds?: number;
    /**
     * Time between full relists of every watched kind (zero disables), e.g.
     * `{ minutes: 30 }` or `30m`. Default 30 minutes.
     */
    resyncInterval?: HumanDuration | string;
    /** @deprecated use `resyncInterval`; seconds, still read (with a warning) when it is absent */
    resyncIntervalSeconds?: number;
    /**
     * Server-side timeout of one watch request (whole seconds), renewed
     * after it, e.g. `{ minutes: 5 }` or `5m`. Default 5 minutes.
     */
    watchTimeout?: HumanDuration | string;
    /** @deprecated use `watchTimeout`; seconds, still read (with a warning) when it is absent */
    watchTimeoutSeconds?: number;
    /** Items per LIST page. Default 500. */
    listPageSize?: number;
    /** Reconnect backoff of broken watches. */
    backoff?: {
      /** First delay, e.g. `{ seconds: 1 }` or `1s`. Default 1 second. */
      initial?: HumanDuration | string;
      /** Longest delay, e.g. `{ seconds: 30 }` or `30s`. Default 30 seconds. */
      max?: HumanDuration | string;
      /** @deprecated use `initial`; milliseconds, still read (with a warning) when it is absent */
      initialMs?: number;
      /** @deprecated use `max`; milliseconds, still read (with a warning) when it is absent */
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
      /**
       * How long a query is kept refreshed after it was last asked for, e.g.
       * `{ minutes: 5 }` or `5m`. Default 5 minutes.
       */
      idleTimeout?: HumanDuration | string;
      /** @deprecated use `idleTimeout`; seconds, still read (with a warning) when it is absent */
      idleSeconds?: number;
    };
  };
  /**
   * @deprecated the former name of `kubernetesInformerCache`, still read
   * (with a warning) when the new key is absent.
   */
  kubernetesNodeCache?: Config['kubernetesInformerCache'];
}
