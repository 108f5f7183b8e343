/** The kubeconfig clients use to reach the simulator. */
import YAML from 'yaml';

/** Kubeconfig YAML; `caPem` adds `certificate-authority-data` for an https server. */
export function buildKubeconfig(
  cluster: string,
  server: string,
  token: string,
  caPem?: string,
): string {
  const user = `${cluster}-admin`;
  return YAML.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: cluster,
        cluster: {
          server,
          ...(caPem
            ? {
                'certificate-authority-data':
                  Buffer.from(caPem).toString('base64'),
              }
            : // @kubernetes/client-node refuses plain http unless this is set
              { 'insecure-skip-tls-verify': true }),
        },
      },
    ],
    users: [{ name: user, user: { token } }],
    contexts: [{ name: cluster, context: { cluster, user } }],
    'current-context': cluster,
    preferences: {},
  });
}
