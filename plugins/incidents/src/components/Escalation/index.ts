export { EscalationStatus } from './EscalationStatus';
export { RoleHolders } from './RoleHolders';
