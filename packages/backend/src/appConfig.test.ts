/*
 * What the repository's config files resolve to, layered as scripts/dev.sh
 * (app-config.yaml + app-config.development.yaml) and production
 * (app-config.yaml + app-config.production.yaml) layer them. The booted
 * backends (boot.test.ts, permissions/bootedPolicy.test.ts) show the behaviour.
 */
import { ConfigSources } from '@backstage/config-loader';
import path from 'node:path';
import {
  DEVELOPMENT_CONFIG,
  PRODUCTION_CONFIG,
  repoRoot,
} from './testing/backendProcess';

const PRODUCTION_ENV: Record<string, string> = {
  APP_BASE_URL: 'https://portal.fdp.example',
  BACKEND_BASE_URL: 'https://portal.fdp.example',
  PORTAL_SCRIPT_TOKEN: 'script-token-0123456789',
};

async function resolve(files: string[], env: Record<string, string> = {}) {
  const config = await ConfigSources.toConfig(
    ConfigSources.defaultForTargets({
      rootDir: repoRoot,
      targets: files.map(f => ({
        type: 'path',
        target: path.join(repoRoot, f),
      })),
      substitutionFunc: async name => env[name],
    }),
  );
  const data = config.get<any>();
  config.close();
  return data;
}

describe('development config', () => {
  it('listens on loopback only, since its sign-ins need no password', async () => {
    const dev = await resolve(DEVELOPMENT_CONFIG);
    expect(dev.backend.listen.host).toBe('127.0.0.1');
    expect(Object.keys(dev.auth.providers).sort()).toEqual([
      'guest',
      'test-user',
    ]);
  });
});

describe('production config', () => {
  it('has no password-less sign-in and no development catalog', async () => {
    const prod = await resolve(PRODUCTION_CONFIG, PRODUCTION_ENV);
    expect(prod.auth.environment).toBe('production');
    expect(Object.keys(prod.auth.providers)).toEqual(['oidc']);
    expect(JSON.stringify(prod.catalog.locations)).not.toMatch(/development/);
  });

  it('follows APP_BASE_URL for CORS and allows no http:/https: wildcard in connect-src', async () => {
    const prod = await resolve(PRODUCTION_CONFIG, PRODUCTION_ENV);
    expect(prod.backend.cors.origin).toBe('https://portal.fdp.example');
    const connectSrc: string[] = prod.backend.csp['connect-src'];
    expect(connectSrc).toContain("'self'");
    expect(connectSrc.filter(s => /^(https?:|\*)$/.test(s))).toEqual([]);
    expect(JSON.stringify(prod.backend)).not.toMatch(/localhost/);
  });

  it('restricts the script token to reading the catalog', async () => {
    const prod = await resolve(PRODUCTION_CONFIG, PRODUCTION_ENV);
    expect(prod.backend.auth.externalAccess).toEqual([
      {
        type: 'static',
        options: { token: 'script-token-0123456789', subject: 'scripts' },
        accessRestrictions: [
          { plugin: 'catalog', permissionAttribute: { action: ['read'] } },
        ],
      },
    ]);
  });
});
