import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { missingCatalogFiles } from './preflightCatalog';

describe('missingCatalogFiles', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-catalog-'));
  const backendDir = path.join(root, 'packages', 'backend');
  fs.mkdirSync(backendDir, { recursive: true });
  fs.writeFileSync(path.join(root, 'catalog-info.yaml'), '');

  const config = (...targets: string[]) =>
    new ConfigReader({
      catalog: {
        locations: [
          ...targets.map(target => ({ type: 'file', target })),
          { type: 'url', target: 'https://example.com/catalog-info.yaml' },
        ],
      },
    });

  it('accepts file locations that exist, resolved against the working directory', () => {
    expect(
      missingCatalogFiles(config('../../catalog-info.yaml'), backendDir),
    ).toEqual([]);
    expect(missingCatalogFiles(config('./catalog-info.yaml'), root)).toEqual(
      [],
    );
  });

  it('names a file location that resolves to nothing, and how to fix it', () => {
    expect(
      missingCatalogFiles(config('./catalog-info.yaml'), backendDir),
    ).toEqual([
      `Catalog location ./catalog-info.yaml does not exist (resolved to ${backendDir}/catalog-info.yaml from ${backendDir}). Set CATALOG_ROOT to the directory holding catalog-info.yaml, or fix catalog.locations.`,
    ]);
  });

  it('has nothing to check without catalog locations', () => {
    expect(missingCatalogFiles(new ConfigReader({}), backendDir)).toEqual([]);
  });
});
