/**
 * Backup policies (seed defaults, the `backups.policies` parser) and their
 * self-check, the evaluation of a target's backups and WAL archive
 * (violations, next due times, recovery window, RPO, GFS retention), and
 * pgBackRest `info` parsing, shared by the backups backend, its CLI and UI.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './policy';
export * from './policyConfig';
export * from './schedule';
export * from './gfs';
export * from './policyCheck';
export * from './clock';
export * from './recoveryWindow';
export * from './evaluate';
export * from './format';
export * from './pgbackrest/parseInfo';
export * from './api';
