import { StatsWindow, statsQuerySchema } from '@fdp/plugin-incidents-common';
import { parseInput } from '@fdp/platform-node';

/** GET /stats?window=7d|30d|90d (default 30d). */
export function parseStatsQuery(query: unknown): StatsWindow {
  return parseInput(statsQuerySchema, query, 'stats query').window;
}
