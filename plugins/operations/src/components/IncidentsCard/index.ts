export { IncidentsCard } from './IncidentsCard';
