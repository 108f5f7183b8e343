export { OverviewCard, MaybeLink } from './OverviewCard';
export type { OverviewSource } from './OverviewCard';
