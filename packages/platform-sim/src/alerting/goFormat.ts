/**
 * Number and text formatting the way Prometheus and Alertmanager (Go) print them, so the
 * simulator's JSON and rendered annotations read exactly like the real servers'.
 * Own code: no JS library reproduces Go's number formatting (`%g`, strconv) byte for byte.
 */

function padExponent(s: string): string {
  // JS prints `1e-1`, Go prints `1e-01`
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

/** `strconv.FormatFloat(v, 'e', -1, 64)`: the `value` of alerts in `/api/v1/alerts`. */
export function formatFloatE(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return padExponent(v.toExponential());
}

/** `strconv.FormatFloat(v, 'f', -1, 64)`: sample values in query results. */
export function formatFloatF(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  const s = String(v);
  if (!/e/.test(s)) return s;
  // expand the exponent form JS uses for very small or large numbers
  const [mant, expStr] = s.split('e');
  const exp = Number(expStr);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  const intLen = mant.replace('-', '').split('.')[0].length;
  const point = intLen + exp;
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length)
    out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return neg ? `-${out}` : out;
}

/**
 * Go's `%g` with an explicit precision (`%.4g`): significant digits, trailing zeros dropped,
 * exponent form when the exponent is < -4 or >= precision.
 */
export function formatG(v: number, precision: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const e = v.toExponential(precision - 1);
  const exp = Number(e.split('e')[1]);
  if (exp < -4 || exp >= precision) {
    const [m, x] = e.split('e');
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    return padExponent(`${mant}e${x}`);
  }
  const fixed = v.toFixed(Math.max(0, precision - 1 - exp));
  return fixed.includes('.')
    ? fixed.replace(/0+$/, '').replace(/\.$/, '')
    : fixed;
}

/** Go's `%v` of a float64 (shortest representation; exponent when < 1e-4 or >= 1e6). */
export function formatGoValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (v === 0) return '0';
  const e = v.toExponential();
  const exp = Number(e.split('e')[1]);
  if (exp < -4 || exp >= 6) return padExponent(e);
  return formatFloatF(v);
}

/** Prometheus template function `humanize` (SI prefixes, `%.4g`). */
export function humanize(value: number): string {
  let v = value;
  if (v === 0 || !Number.isFinite(v)) return formatG(v, 4);
  if (Math.abs(v) >= 1) {
    const prefixes = ['k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
    let prefix = '';
    for (const p of prefixes) {
      if (Math.abs(v) < 1000) break;
      prefix = p;
      v /= 1000;
    }
    return `${formatG(v, 4)}${prefix}`;
  }
  return smallSi(v, '');
}

/** `value` (below 1) scaled into 1..1000 with its SI prefix (m, u, n, ...) and `unit`. */
function smallSi(value: number, unit: string): string {
  let v = value;
  let prefix = '';
  for (const p of ['m', 'u', 'n', 'p', 'f', 'a', 'z', 'y']) {
    if (Math.abs(v) >= 1) break;
    prefix = p;
    v *= 1000;
  }
  return `${formatG(v, 4)}${prefix}${unit}`;
}

/** Prometheus template function `humanizePercentage`. */
export function humanizePercentage(v: number): string {
  return `${formatG(v * 100, 4)}%`;
}

/** Prometheus template function `humanizeDuration` (seconds). */
export function humanizeDuration(value: number): string {
  const v = value;
  if (!Number.isFinite(v)) return formatG(v, 4);
  if (v === 0) return '0s';
  if (Math.abs(v) >= 1) {
    const sign = v < 0 ? '-' : '';
    let s = Math.abs(v);
    const ms = Math.floor(s * 1000) % 1000;
    s = Math.floor(s);
    const days = Math.floor(s / 86400);
    const hours = Math.floor(s / 3600) % 24;
    const minutes = Math.floor(s / 60) % 60;
    const seconds = s % 60;
    if (days) return `${sign}${days}d ${hours}h ${minutes}m ${seconds}s`;
    if (hours) return `${sign}${hours}h ${minutes}m ${seconds}s`;
    if (minutes) return `${sign}${minutes}m ${seconds}s`;
    return `${sign}${formatG(seconds + ms / 1000, 4)}s`;
  }
  return smallSi(v, 's');
}

/** A small subset of Go's `fmt.Sprintf`: `%f`, `%.Nf`, `%d`, `%s`, `%v`, `%g`, `%%`. */
export function goSprintf(format: string, args: unknown[]): string {
  let i = 0;
  return format.replace(
    /%(-?\d*)(?:\.(\d+))?([fdsvgeq%])/g,
    (whole, _width: string, prec: string | undefined, verb: string) => {
      if (verb === '%') return '%';
      if (i >= args.length) return `%!${verb}(MISSING)`;
      const a = args[i++];
      const n = typeof a === 'number' ? a : Number(a);
      switch (verb) {
        case 'f':
          return Number.isFinite(n)
            ? n.toFixed(prec === undefined ? 6 : Number(prec))
            : formatG(n, 4);
        case 'd':
          return Number.isFinite(n) ? String(Math.trunc(n)) : whole;
        case 'g':
          return prec === undefined ? formatGoValue(n) : formatG(n, +prec);
        case 'e':
          return Number.isFinite(n)
            ? padExponent(
                n.toExponential(prec === undefined ? 6 : Number(prec)),
              )
            : formatG(n, 4);
        case 'q':
          return JSON.stringify(String(a));
        default:
          return typeof a === 'number' ? formatGoValue(a) : String(a);
      }
    },
  );
}

/** Go's `url.QueryEscape`. */
export function goQueryEscape(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** RFC 3339 with milliseconds (`2026-01-02T03:04:05.678Z`), as Alertmanager prints times. */
export function isoMs(ms: number): string {
  return new Date(ms).toISOString();
}

/** Prometheus durations: `5m`, `1h30m`, `15s`, `500ms`, `1d`, `1w`, `1y`, `0`. Returns seconds. */
export function parsePromDuration(text: string): number {
  const s = String(text).trim();
  if (s === '0') return 0;
  const re = /(\d+)(ms|y|w|d|h|m|s)/g;
  const units: Record<string, number> = {
    ms: 0.001,
    s: 1,
    m: 60,
    h: 3600,
    d: 86400,
    w: 604800,
    y: 31536000,
  };
  let total = 0;
  let consumed = 0;
  for (const m of s.matchAll(re)) {
    if (m.index !== consumed) break;
    total += Number(m[1]) * units[m[2]];
    consumed += m[0].length;
  }
  if (!s || consumed !== s.length)
    throw new Error(`not a valid duration string: "${s}"`);
  return total;
}
