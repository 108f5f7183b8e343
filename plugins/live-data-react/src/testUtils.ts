/**
 * Test helpers for code using `useLiveData`.
 *
 * @packageDocumentation
 */
export { FakeSignalApi } from './FakeSignalApi';
