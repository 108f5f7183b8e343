import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Polls the catalog until `entityRef` is there or `timeoutMs` passed, asking
 * it to process `refreshRef` (the new location) now rather than at its next
 * refresh interval. True when the entity appeared.
 */
export async function waitForEntity(options: {
  catalog: CatalogService;
  credentials: BackstageCredentials;
  entityRef: string;
  refreshRef: string;
  timeoutMs: number;
  intervalMs?: number;
}): Promise<boolean> {
  const { catalog, credentials, entityRef, refreshRef, timeoutMs } = options;
  const deadline = Date.now() + timeoutMs;
  await catalog.refreshEntity(refreshRef, { credentials });
  for (;;) {
    if (await catalog.getEntityByRef(entityRef, { credentials })) return true;
    if (Date.now() >= deadline) return false;
    await new Promise(r => setTimeout(r, options.intervalMs ?? 200));
  }
}
