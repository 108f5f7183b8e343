import { LoggerService } from '@backstage/backend-plugin-api';
import type { KubernetesFetcher } from '@backstage/plugin-kubernetes-node';

const ORIGIN = /\bhttps?:\/\/[^/\s]+/g;

/**
 * A FetchError (node-fetch: "request to https://10.0.0.1:6443/api/v1/pods
 * failed, ...") with the cluster's scheme, host and port taken out of its
 * message: the official backend sends that message to the browser as a
 * FETCH_ERROR. The name stays, it is how the backend recognises the error;
 * the full message goes to the log.
 */
function redacted(error: unknown, cluster: string, logger: LoggerService) {
  if (!(error instanceof Error) || error.name !== 'FetchError') return error;
  logger.warn(`Request to cluster ${cluster} failed: ${error.message}`);
  const safe = new Error(error.message.replace(ORIGIN, ''));
  safe.name = error.name;
  return safe;
}

/** The fetcher, whose FetchErrors no longer name the cluster's URL. */
export function withoutClusterUrls(
  fetcher: KubernetesFetcher,
  logger: LoggerService,
): KubernetesFetcher {
  const guard = async <T>(cluster: string, answer: Promise<T>) => {
    try {
      return await answer;
    } catch (error) {
      throw redacted(error, cluster, logger);
    }
  };
  return {
    fetchObjectsForService: params =>
      guard(params.clusterDetails.name, fetcher.fetchObjectsForService(params)),
    fetchPodMetricsByNamespaces: (clusterDetails, ...rest) =>
      guard(
        clusterDetails.name,
        fetcher.fetchPodMetricsByNamespaces(clusterDetails, ...rest),
      ),
  };
}
