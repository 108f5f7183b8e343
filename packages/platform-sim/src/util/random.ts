/** Deterministic pseudo-randomness so scenario runs are reproducible. */

/** FNV-1a 32-bit hash of a string. */
export function fnv1a(input: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Alphabet Kubernetes uses for generated name suffixes and template hashes (no vowels). */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Encodes a number with the Kubernetes "safe" alphabet. */
export function safeEncode(n: number, length: number): string {
  let out = '';
  let v = n >>> 0;
  for (let i = 0; i < length; i++) {
    out += SAFE_ALPHABET[v % SAFE_ALPHABET.length];
    v = Math.floor(v / SAFE_ALPHABET.length);
    if (v === 0) v = fnv1a(out) || 1;
  }
  return out;
}

/** A small seeded PRNG (mulberry32). */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }

  /** Uniform number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Random 32-bit unsigned integer. */
  int(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }

  /** Name suffix like the ones generateName produces. */
  suffix(length = 5): string {
    let out = '';
    for (let i = 0; i < length; i++) {
      out += SAFE_ALPHABET[Math.floor(this.next() * SAFE_ALPHABET.length)];
    }
    return out;
  }

  /** RFC 4122 version-4 shaped UUID. */
  uuid(): string {
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    const a = hex(this.int());
    const b = hex(this.int());
    const c = hex(this.int());
    const d = hex(this.int());
    const variant = ((parseInt(c[0], 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(
      1,
      4,
    )}-${c.slice(4, 8)}${d}`;
  }
}

/** Deterministic jitter in [-1, 1] for a name, so each pod/node has its own offset. */
export function jitter(name: string): number {
  return (fnv1a(name) / 4294967295) * 2 - 1;
}
