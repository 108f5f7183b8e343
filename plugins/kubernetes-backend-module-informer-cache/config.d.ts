export interface Config {
  kubernetesInformerCache?: {
    /**
     * Serve the official Kubernetes plugin's object and pod-metrics fetching
     * from the shared informer cache. Default true; false keeps its stock
     * fetcher (e.g. to compare both in bench/cluster-health.ts).
     */
    serveKubernetesPlugin?: boolean;
  };
}
