/**
 * The official Kubernetes backend's auth strategies, built once per backend
 * process and used by both the informer cache and the official plugin (the
 * informer-cache module registers the same map through
 * `kubernetesAuthStrategyExtensionPoint`), so a cluster authenticates the
 * same way for the cluster-health pages and the Kubernetes tab.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  AksStrategy,
  AnonymousStrategy,
  AwsIamStrategy,
  AzureIdentityStrategy,
  GoogleServiceAccountStrategy,
  GoogleStrategy,
  OidcStrategy,
} from '@backstage/plugin-kubernetes-backend';
import type { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';
import { ServiceAccountTokenStrategy } from './ServiceAccountTokenStrategy';

/**
 * Strategies that sign with the signed-in user's own token (sent by the
 * browser): a background watch has no user, so the cache cannot use them.
 */
export const USER_TOKEN_PROVIDERS = new Set(['google', 'oidc', 'aks']);

/** The official backend's default map, keyed by `authProvider`. */
export function createAuthStrategies(options: {
  config: Config;
  logger: LoggerService;
  /** path of the projected service-account token (tests) */
  serviceAccountTokenPath?: string;
}): Map<string, AuthenticationStrategy> {
  const { config, logger } = options;
  return new Map<string, AuthenticationStrategy>([
    ['aks', new AksStrategy()],
    ['aws', new AwsIamStrategy({ config })],
    ['azure', new AzureIdentityStrategy(logger)],
    ['google', new GoogleStrategy()],
    ['googleServiceAccount', new GoogleServiceAccountStrategy({ config })],
    ['localKubectlProxy', new AnonymousStrategy()],
    ['oidc', new OidcStrategy()],
    [
      'serviceAccount',
      new ServiceAccountTokenStrategy(options.serviceAccountTokenPath),
    ],
  ]);
}
