/**
 * Normalised alerts, priorities, Alertmanager matchers and entity mapping,
 * shared by the alerts backend and frontend.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './permissions';
export * from './matchers';
export * from './duration';
export * from './priority';
export * from './entities';
export * from './limits';
export * from './filters';
