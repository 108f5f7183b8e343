export { SlaClockView } from './SlaClock';
export { BreachBadges } from './BreachBadges';
