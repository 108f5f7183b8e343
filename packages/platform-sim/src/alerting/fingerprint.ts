/** Prometheus `model.LabelSet.Fingerprint()`: FNV-1a 64 over sorted label pairs, as 16 hex digits. */
import type { Labels } from './matchers';

const TWO32 = 4294967296;
const SEPARATOR = 0xff;

/** 64-bit FNV-1a in two 32-bit halves (prime 2^40 + 0x1b3), without BigInt. */
function fnv1a64(bytes: Iterable<number>, init: [number, number]) {
  let [hi, lo] = init;
  for (const b of bytes) {
    lo = (lo ^ b) >>> 0;
    const a = lo * 0x1b3;
    const newLo = a % TWO32;
    const carry = Math.floor(a / TWO32);
    hi = (hi * 0x1b3 + carry + ((lo << 8) >>> 0)) % TWO32;
    lo = newLo;
  }
  return [hi, lo] as [number, number];
}

export function fingerprint(labels: Labels): string {
  let h: [number, number] = [0xcbf29ce4, 0x84222325];
  for (const name of Object.keys(labels).sort()) {
    h = fnv1a64(Buffer.from(name, 'utf8'), h);
    h = fnv1a64([SEPARATOR], h);
    h = fnv1a64(Buffer.from(labels[name], 'utf8'), h);
    h = fnv1a64([SEPARATOR], h);
  }
  return (
    h[0].toString(16).padStart(8, '0') + h[1].toString(16).padStart(8, '0')
  );
}

/** Labels with sorted keys (Prometheus and Alertmanager print label sets sorted). */
export function sortLabels(labels: Labels): Labels {
  const out: Labels = {};
  for (const k of Object.keys(labels).sort()) out[k] = labels[k];
  return out;
}
