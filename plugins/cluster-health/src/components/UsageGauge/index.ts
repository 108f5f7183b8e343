export { UsageGauge, usageColor, usageLevel } from './UsageGauge';
export type { UsageLevel } from './UsageGauge';
