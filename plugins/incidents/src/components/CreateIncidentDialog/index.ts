export { CreateIncidentDialog } from './CreateIncidentDialog';
export { CreateIncidentButton } from './CreateIncidentButton';
