export { EntityIncidentsCard } from './EntityIncidentsCard';
