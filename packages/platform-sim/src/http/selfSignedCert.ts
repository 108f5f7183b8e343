/**
 * A self-signed ECDSA P-256 certificate for 127.0.0.1/localhost, built with node:crypto and
 * a tiny DER encoder. kubectl only sends bearer tokens over TLS, so the simulator also
 * speaks HTTPS (on the same port as HTTP).
 */
import crypto from 'node:crypto';

function len(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  let n = length;
  while (n > 0) {
    bytes.unshift(n & 0xff);
    n >>= 8;
  }
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

const tlv = (tag: number, ...content: Buffer[]) => {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), len(body.length), body]);
};
const seq = (...c: Buffer[]) => tlv(0x30, ...c);
const set = (...c: Buffer[]) => tlv(0x31, ...c);

function oid(s: string): Buffer {
  const parts = s.split('.').map(Number);
  const bytes = [40 * parts[0] + parts[1]];
  for (const p of parts.slice(2)) {
    const stack = [p & 0x7f];
    let v = p >> 7;
    while (v > 0) {
      stack.unshift((v & 0x7f) | 0x80);
      v >>= 7;
    }
    bytes.push(...stack);
  }
  return tlv(0x06, Buffer.from(bytes));
}

function integer(buf: Buffer): Buffer {
  let b = buf;
  while (b.length > 1 && b[0] === 0 && !(b[1] & 0x80)) b = b.subarray(1);
  if (b[0] & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return tlv(0x02, b);
}

function utcTime(d: Date): Buffer {
  const p = (n: number) => String(n).padStart(2, '0');
  const s = `${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(
    d.getUTCDate(),
  )}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  return tlv(0x17, Buffer.from(s, 'ascii'));
}

const bitString = (b: Buffer) => tlv(0x03, Buffer.from([0]), b);
const octetString = (b: Buffer) => tlv(0x04, b);
const explicit = (n: number, b: Buffer) => tlv(0xa0 + n, b);

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return seq(
    oid(id),
    ...(critical ? [tlv(0x01, Buffer.from([0xff]))] : []),
    octetString(value),
  );
}

export interface SelfSignedCert {
  certPem: string;
  keyPem: string;
}

/** Creates a certificate valid for localhost, 127.0.0.1 and ::1 (plus extra IPs/names). */
export function createSelfSignedCert(
  extraHosts: string[] = [],
): SelfSignedCert {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', {
    namedCurve: 'P-256',
  });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const ecdsaSha256 = seq(oid('1.2.840.10045.4.3.2'));
  const name = seq(
    set(seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from('platform-sim')))),
  );
  const now = Date.now();
  const hosts = ['localhost', '127.0.0.1', '::1', ...extraHosts];
  const san = seq(
    ...hosts.map(h => {
      if (/^[0-9.]+$/.test(h))
        return tlv(0x87, Buffer.from(h.split('.').map(Number)));
      if (h === '::1')
        return tlv(0x87, Buffer.from([...new Array(15).fill(0), 1]));
      return tlv(0x82, Buffer.from(h, 'ascii'));
    }),
  );
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(crypto.randomBytes(16)),
    ecdsaSha256,
    name,
    seq(
      utcTime(new Date(now - 3600_000)),
      utcTime(new Date(now + 10 * 365 * 86400_000)),
    ),
    name,
    Buffer.from(spki),
    explicit(
      3,
      seq(
        extension('2.5.29.19', true, seq(tlv(0x01, Buffer.from([0xff])))),
        // digitalSignature, keyCertSign
        extension('2.5.29.15', true, tlv(0x03, Buffer.from([0x02, 0x84]))),
        extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'))),
        extension('2.5.29.17', false, san),
      ),
    ),
  );
  const signature = crypto.sign('sha256', tbs, privateKey);
  const cert = seq(tbs, ecdsaSha256, bitString(signature));
  const b64 = cert.toString('base64').replace(/(.{64})/g, '$1\n');
  return {
    certPem: `-----BEGIN CERTIFICATE-----\n${b64.trim()}\n-----END CERTIFICATE-----\n`,
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
