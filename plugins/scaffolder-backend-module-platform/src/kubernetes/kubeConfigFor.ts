import { InputError } from '@backstage/errors';
import type { ClusterDefinition } from '@fdp/plugin-kubernetes-informer-cache-node';
import { KubeConfig } from '@kubernetes/client-node';

const base64 = (v: unknown): string | undefined => {
  if (Buffer.isBuffer(v)) return v.toString('base64');
  if (typeof v === 'string') return Buffer.from(v).toString('base64');
  return undefined;
};

/**
 * A client-node KubeConfig for one cluster with the credentials its
 * definition produces now (kubernetes-informer-cache: the official backend's auth
 * strategies, or a kubeconfig context), so apply authenticates exactly as
 * the cache and the Kubernetes tab do. Made per apply: rotated tokens and
 * CAs are picked up.
 */
export async function kubeConfigFor(
  cluster: ClusterDefinition,
): Promise<KubeConfig> {
  if (!cluster.authenticate || !cluster.url) {
    throw new InputError(
      `cluster '${cluster.name}' cannot be applied to: ${
        cluster.reason ?? 'it has no URL'
      }`,
    );
  }
  const auth = await cluster.authenticate();
  const bearer = /^Bearer (.+)$/.exec(auth.headers.Authorization ?? '');
  const [username, password] = auth.basicAuth?.split(':') ?? [];
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.url,
        caData: base64(auth.tls.ca),
        skipTLSVerify: auth.tls.rejectUnauthorized === false,
        tlsServerName: auth.tls.servername,
      },
    ],
    users: [
      {
        name: 'fdp-portal',
        token: bearer?.[1],
        certData: base64(auth.tls.cert),
        keyData: base64(auth.tls.key),
        username,
        password,
      },
    ],
    contexts: [
      { name: cluster.name, cluster: cluster.name, user: 'fdp-portal' },
    ],
    currentContext: cluster.name,
  });
  return kubeConfig;
}
