/**
 * Kubernetes resource quantities ("500m", "2Gi", "1.5", 3) to numbers and back.
 * CPU is handled in cores, memory/storage in bytes.
 */

const BINARY: Record<string, number> = {
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
  Ei: 1024 ** 6,
};
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

const QUANTITY_RE =
  /^([+-]?[0-9]+(?:\.[0-9]*)?|[+-]?\.[0-9]+)(?:[eE]([+-]?[0-9]+))?([a-zA-Z]*)$/;

/** Parses a quantity; throws on malformed input. */
export function parseQuantity(value: unknown): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`invalid quantity ${value}`);
    return value;
  }
  if (typeof value !== 'string') {
    throw new Error(`invalid quantity ${JSON.stringify(value)}`);
  }
  const m = QUANTITY_RE.exec(value.trim());
  if (!m) throw new Error(`invalid quantity "${value}"`);
  const base = Number(m[1]) * (m[2] ? 10 ** Number(m[2]) : 1);
  const suffix = m[3];
  if (suffix in BINARY) return base * BINARY[suffix];
  if (suffix in DECIMAL) return base * DECIMAL[suffix];
  throw new Error(`invalid quantity suffix in "${value}"`);
}

/** Parses a quantity, returning a fallback for missing or malformed values. */
export function quantityOr(value: unknown, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  try {
    return parseQuantity(value);
  } catch {
    return fallback;
  }
}

/** Formats cores as millicores ("1500m") or whole cores ("2"). */
export function formatCpu(cores: number): string {
  const milli = Math.round(cores * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** Formats cores as nanocores, as metrics-server does ("123456789n"). */
export function formatNanoCores(cores: number): string {
  return `${Math.max(0, Math.round(cores * 1e9))}n`;
}

/** Formats bytes as Ki, as metrics-server and kubelets do ("123456Ki"). */
export function formatKi(bytes: number): string {
  return `${Math.max(0, Math.round(bytes / 1024))}Ki`;
}

/** Formats bytes with the largest exact binary suffix ("16Gi", "1536Mi"). */
export function formatBytes(bytes: number): string {
  const b = Math.round(bytes);
  for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
    const unit = BINARY[suffix];
    if (b >= unit && b % unit === 0) return `${b / unit}${suffix}`;
  }
  return String(b);
}

/** Normalises a quantity given as a number (YAML `cpu: 1`) to its string form, as the API server does. */
export function normaliseQuantityValue(value: unknown): unknown {
  return typeof value === 'number' ? String(value) : value;
}
