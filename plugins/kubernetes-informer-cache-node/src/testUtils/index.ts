/**
 * Test doubles of the informer cache, for the tests of its consumers:
 * `import { FakeInformerCache } from '@fdp/plugin-kubernetes-informer-cache-node/testUtils'`.
 *
 * @packageDocumentation
 */
export { FakeInformerCache } from './FakeInformerCache';
