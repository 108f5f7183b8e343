import { ServiceAccountStrategy } from '@backstage/plugin-kubernetes-backend';
import type {
  ClusterDetails,
  KubernetesCredential,
} from '@backstage/plugin-kubernetes-node';
import { WatchedFile } from '../client/WatchedFile';

/** Where the kubelet mounts the pod's projected service-account token. */
export const IN_CLUSTER_TOKEN_PATH =
  '/var/run/secrets/kubernetes.io/serviceaccount/token';

/**
 * The official `serviceAccount` strategy (whose cluster validation and
 * metadata presentation it keeps) with the in-cluster token's path as a
 * parameter: the official one always reads the fixed in-cluster path, which a
 * test (or an install mounting the token elsewhere) cannot change, and
 * re-reads it with a synchronous read on every call. A token in config is
 * used as is; otherwise the projected token is read before each request, and
 * read again only when the kubelet rotated it.
 */
export class ServiceAccountTokenStrategy extends ServiceAccountStrategy {
  private readonly tokenFile: WatchedFile;

  constructor(tokenPath: string = IN_CLUSTER_TOKEN_PATH) {
    super();
    this.tokenFile = new WatchedFile(tokenPath);
  }

  async getCredential(
    clusterDetails: ClusterDetails,
  ): Promise<KubernetesCredential> {
    const configured = clusterDetails.authMetadata.serviceAccountToken;
    if (configured) return { type: 'bearer token', token: configured };
    let token: string;
    try {
      token = (await this.tokenFile.read()).toString('utf8').trim();
    } catch (e) {
      throw new Error(
        `serviceAccount: no serviceAccountToken in config and no projected token at ${
          this.tokenFile.path
        } (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      );
    }
    return { type: 'bearer token', token };
  }
}
