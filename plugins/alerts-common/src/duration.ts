/** Prometheus-style durations: `90s`, `30m`, `2h`, `1d`, `1w`, `1h30m`. */
const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** The longest silence the portal creates. */
export const MAX_SILENCE_MS = 30 * UNIT_MS.d;

/** Milliseconds of a duration, or an Error whose message says what is wrong. */
export function parseDuration(input: string): number {
  const s = input.trim();
  const parts = s.match(/(\d+)(ms|s|m|h|d|w)/g);
  if (!s || !parts || parts.join('') !== s) {
    throw new Error(
      `Invalid duration '${input}': use a number and a unit, e.g. 30m, 2h, 1d or 1h30m`,
    );
  }
  return parts.reduce((total, part) => {
    const [, n, unit] = /(\d+)(ms|s|m|h|d|w)/.exec(part)!;
    return total + Number(n) * UNIT_MS[unit];
  }, 0);
}

/** A silence length: positive and at most 30 days. */
export function parseSilenceDuration(input: string): number {
  const ms = parseDuration(input);
  if (ms <= 0) {
    throw new Error(`Invalid duration '${input}': it must be longer than 0`);
  }
  if (ms > MAX_SILENCE_MS) {
    throw new Error(
      `Invalid duration '${input}': silences last at most 30 days`,
    );
  }
  return ms;
}

/** `7260000` → `2h 1m`: for countdowns. */
export function formatRemaining(ms: number): string {
  if (ms <= 0) return 'expired';
  const minutes = Math.floor(ms / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m`;
  return `${Math.ceil(ms / 1000)}s`;
}
