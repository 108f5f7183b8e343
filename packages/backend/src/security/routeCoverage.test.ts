/*
 * The route inventory covers every route our backend plugins declare: reads
 * plugins/*-backend (their pluginId and each `router.<method>(path, ...)` of
 * their routers) and fails on a route missing from ROUTES, so a new route
 * cannot skip the 401/403/fuzz checks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../testing/backendProcess';
import { ROUTES } from './routeInventory';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

/** `METHOD /api/<pluginId><path>` of every route a plugin's source declares. */
function declaredRoutes(pluginDir: string): string[] {
  const files = sourceFiles(path.join(pluginDir, 'src')).map(f =>
    fs.readFileSync(f, 'utf8'),
  );
  const pluginId = files
    .map(text => /createBackendPlugin\(\{\s*pluginId: '([^']+)'/.exec(text))
    .find(Boolean)?.[1];
  if (!pluginId) return [];
  return files.flatMap(text => {
    const constant = (name: string) =>
      new RegExp(`const ${name} = '([^']+)'`).exec(text)?.[1] ?? name;
    return [
      ...text.matchAll(/router\.(get|post|put|patch|delete)\(\s*([^,\s]+),/g),
    ].map(([, method, arg]) => {
      const route = /^'(.*)'$/.exec(arg)?.[1] ?? constant(arg);
      return `${method.toUpperCase()} /api/${pluginId}${route}`;
    });
  });
}

describe('route inventory coverage', () => {
  it("lists every route of the portal's backend plugins", () => {
    const plugins = fs
      .readdirSync(path.join(repoRoot, 'plugins'))
      .filter(name => name.endsWith('-backend'))
      .map(name => path.join(repoRoot, 'plugins', name));
    const declared = plugins.flatMap(declaredRoutes);
    const listed = new Set(ROUTES.map(r => `${r.method} ${r.path}`));
    // the scan itself works: the alerts silence routes are found
    expect(declared).toEqual(
      expect.arrayContaining([
        'POST /api/alerts/silences',
        'DELETE /api/alerts/silences/:id',
        'POST /api/incidents/webhooks/alertmanager',
      ]),
    );
    expect(declared.filter(r => !listed.has(r))).toEqual([]);
  });
});
