/**
 * Incident levels, the response procedure's stages and their moves, SLA
 * clocks, the escalation schedule, statistics, REST types and request
 * schemas, and permissions, shared by the incidents backend and frontend.
 *
 * @packageDocumentation
 */
export * from './levels';
export * from './levelsConfig';
export * from './stages';
export * from './milestones';
export * from './sla';
export * from './escalation';
export * from './stats';
export * from './types';
export * from './requests';
export * from './permissions';
export * from './postmortem';
export * from './format';
export * from './ko';
