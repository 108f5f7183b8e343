export { UsageGauge, usageLevel } from './UsageGauge';
export type { UsageLevel } from './UsageGauge';
