/*
 * The portal's backend (new backend system). Which features it runs lives in
 * ./features.ts; ./preflight.ts turns a bad database configuration into one
 * clear line instead of a stack trace; ./http answers 5xx errors without
 * their internals outside development.
 */
import { createBackend } from '@backstage/backend-defaults';
import { features } from './features';
import { httpRouter } from './http/httpRouter';
import { rootHttpRouter } from './http/rootHttpRouter';
import { preflight } from './preflight';

async function main() {
  await preflight(process.argv);
  const backend = createBackend();
  backend.add(rootHttpRouter);
  backend.add(httpRouter);
  for (const feature of features) {
    backend.add(feature);
  }
  await backend.start();
}

main().catch(error => {
  // eslint-disable-next-line no-console
  console.error(`Backend failed to start: ${error?.message ?? error}`);
  process.exit(1);
});
