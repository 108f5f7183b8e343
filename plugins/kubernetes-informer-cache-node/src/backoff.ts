/** Reconnect delays for broken watches. */

export interface BackoffOptions {
  /** first delay (default 1000 ms) */
  initialMs?: number;
  /** cap (default 30000 ms) */
  maxMs?: number;
  /** growth per attempt (default 2) */
  factor?: number;
  /** ± fraction of random spread so many watches do not reconnect in lockstep (default 0.2) */
  jitter?: number;
}

/**
 * Delay before reconnect attempt `attempt` (0-based): exponential growth from
 * `initialMs`, capped at `maxMs`, with ± `jitter` spread (never above the cap).
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = {},
  random: () => number = Math.random,
): number {
  const initial = options.initialMs ?? 1000;
  const max = options.maxMs ?? 30_000;
  const factor = options.factor ?? 2;
  const jitter = options.jitter ?? 0.2;
  const base = Math.min(max, initial * factor ** Math.max(0, attempt));
  const spread = base * jitter * (random() * 2 - 1);
  return Math.max(0, Math.min(max, Math.round(base + spread)));
}
