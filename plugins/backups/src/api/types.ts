/**
 * The API's answers (`GET /api/backups/targets`, `/policy`): one definition
 * in the common package, shared with the backend.
 */
export type { PolicySummary, TargetSummary } from '@fdp/plugin-backups-common';
