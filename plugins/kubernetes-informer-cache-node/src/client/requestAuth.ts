/**
 * What one request to an API server carries: headers (a bearer token) and
 * the TLS material of its agent. Produced before every request and watch, so
 * rotated tokens, CAs and client certificates take effect on the next one.
 */
import https from 'node:https';
import type {
  AuthenticationStrategy,
  ClusterDetails,
} from '@backstage/plugin-kubernetes-node';
import { KubeConfig } from '@kubernetes/client-node';
import { WatchedFile } from './WatchedFile';

export type TlsMaterial = Pick<
  https.AgentOptions,
  'ca' | 'cert' | 'key' | 'pfx' | 'passphrase' | 'servername'
> & { rejectUnauthorized?: boolean };

export interface RequestAuth {
  headers: Record<string, string>;
  tls: TlsMaterial;
  /** `user:password` of kubeconfig basic auth */
  basicAuth?: string;
}

export type Authenticate = () => Promise<RequestAuth>;

/**
 * Auth of a cluster of `kubernetes.clusterLocatorMethods`, through the same
 * strategy the official Kubernetes backend uses for it (no user token: the
 * cache works in the background). The CA comes from `caFile` (re-read when
 * it changes) or `caData`, in the precedence of @kubernetes/client-node.
 */
export function strategyAuth(
  strategy: AuthenticationStrategy,
  details: ClusterDetails,
): Authenticate {
  const caFile = details.caFile ? new WatchedFile(details.caFile) : undefined;
  const caData = details.caData
    ? Buffer.from(details.caData, 'base64')
    : undefined;
  return async () => {
    const credential = await strategy.getCredential(details, {});
    const tls: TlsMaterial = {
      ca: caFile ? await caFile.read() : caData,
      ...(details.skipTLSVerify && { rejectUnauthorized: false }),
    };
    const headers: Record<string, string> = {};
    if (credential.type === 'bearer token') {
      headers.Authorization = `Bearer ${credential.token}`;
    } else if (credential.type === 'x509 client certificate') {
      tls.cert = credential.cert;
      tls.key = credential.key;
    }
    return { headers, tls };
  };
}

/** Auth of a kubeconfig context (tokens, client certificates, exec plugins). */
export function kubeConfigAuth(kubeConfig: KubeConfig): Authenticate {
  return async () => {
    const opts: https.RequestOptions = {};
    await kubeConfig.applyToHTTPSOptions(opts);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(opts.headers ?? {})) {
      if (typeof v === 'string' || typeof v === 'number') headers[k] = `${v}`;
    }
    return {
      headers,
      tls: {
        ca: opts.ca,
        cert: opts.cert,
        key: opts.key,
        pfx: opts.pfx,
        passphrase: opts.passphrase,
        servername: opts.servername,
        ...(opts.rejectUnauthorized !== undefined && {
          rejectUnauthorized: opts.rejectUnauthorized,
        }),
      },
      ...(opts.auth && { basicAuth: opts.auth }),
    };
  };
}
