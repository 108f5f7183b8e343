/**
 * A self-signed ECDSA P-256 certificate for 127.0.0.1/localhost, made with
 * `selfsigned` (WebCrypto keys and signatures). kubectl only sends bearer
 * tokens over TLS, so the simulator also speaks HTTPS (on the same port as
 * HTTP). The certificate is its own CA: clients trust it by taking it as
 * their CA (kubeconfig `certificate-authority-data`, the portal's
 * `caData`/`caFile`).
 */
import { generate } from 'selfsigned';

export interface SelfSignedCert {
  certPem: string;
  keyPem: string;
}

/** subjectAltName entry types (RFC 5280) */
const DNS_NAME = 2 as const;
const IP_ADDRESS = 7 as const;

function altName(host: string) {
  return /^[0-9.]+$/.test(host) || host.includes(':')
    ? { type: IP_ADDRESS, ip: host }
    : { type: DNS_NAME, value: host };
}

/** Creates a certificate valid for localhost, 127.0.0.1 and ::1 (plus extra IPs/names). */
export async function createSelfSignedCert(
  extraHosts: string[] = [],
): Promise<SelfSignedCert> {
  const hosts = ['localhost', '127.0.0.1', '::1', ...extraHosts];
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: 'platform-sim' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    // from an hour ago, so a client whose clock is a little behind accepts it
    notBeforeDate: new Date(now - 3600_000),
    notAfterDate: new Date(now + 10 * 365 * 86400_000),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      {
        name: 'keyUsage',
        digitalSignature: true,
        keyCertSign: true,
        critical: true,
      },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: hosts.map(altName) },
    ],
  });
  return { certPem: pems.cert, keyPem: pems.private };
}
