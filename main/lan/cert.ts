// The sharing PC's certificate: self-signed, made on first use with node's own crypto (an ECDSA
// P-256 key and a few lines of DER), kept in the data folder readable by this user only. Desks pin
// its SHA-256 fingerprint when they pair, so no authority is needed: the fingerprint is the identity.
import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, sign, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';

export type Certificate = { key: string; cert: string; fingerprint: string };

export const KEY_FILE = 'lan-key.pem';
export const CERT_FILE = 'lan-cert.pem';

// --- DER, just what a certificate needs ---------------------------------------------------------

function len(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
const tlv = (tag: number, body: Buffer): Buffer => Buffer.concat([Buffer.from([tag]), len(body.length), body]);
const seq = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));
const ctx = (n: number, body: Buffer, constructed = true) => tlv((constructed ? 0xa0 : 0x80) | n, body);

function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out = [40 * parts[0]! + parts[1]!];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

/** A positive INTEGER from big-endian bytes. */
function int(bytes: Buffer): Buffer {
  let b = bytes;
  while (b.length > 1 && b[0] === 0 && b[1]! < 0x80) b = b.subarray(1);
  return tlv(0x02, b[0]! >= 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
}
const utf8 = (s: string) => tlv(0x0c, Buffer.from(s, 'utf8'));
const bitString = (b: Buffer) => tlv(0x03, Buffer.concat([Buffer.from([0]), b]));
const octets = (b: Buffer) => tlv(0x04, b);

/** UTCTime up to 2049, GeneralizedTime after (RFC 5280 4.1.2.5). */
function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return d.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`)) : tlv(0x18, Buffer.from(`${iso}Z`));
}

function ipBytes(ip: string): Buffer {
  if (isIP(ip) === 4) return Buffer.from(ip.split('.').map(Number));
  // IPv6: expand "::" then 8 groups of 16 bits.
  const [head, tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = ip.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return Buffer.from(groups.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]));
}

const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));

/**
 * A self-signed certificate for `names` (host names and IP addresses), valid ten years. The key is
 * ECDSA P-256: small, fast to sign handshakes with, and what every TLS client accepts.
 */
export function makeCertificate(names: readonly string[], now = new Date()): Certificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const cn = seq(set(seq(oid('2.5.4.3'), utf8('Recall Desk'))));
  const until = new Date(now.getTime());
  until.setUTCFullYear(until.getUTCFullYear() + 10);
  const san = names.map((n) => (isIP(n) ? ctx(7, ipBytes(n), false) : ctx(2, Buffer.from(n, 'ascii'), false)));
  const extensions = ctx(
    3,
    seq(
      // basicConstraints: not a CA.
      seq(oid('2.5.29.19'), tlv(0x01, Buffer.from([0xff])), octets(seq())),
      // keyUsage: digitalSignature (critical).
      seq(oid('2.5.29.15'), tlv(0x01, Buffer.from([0xff])), octets(tlv(0x03, Buffer.from([7, 0x80])))),
      // extKeyUsage: serverAuth.
      seq(oid('2.5.29.37'), octets(seq(oid('1.3.6.1.5.5.7.3.1')))),
      // subjectAltName.
      seq(oid('2.5.29.17'), octets(seq(...san))),
    ),
  );
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  const tbs = seq(
    ctx(0, int(Buffer.from([2]))),
    int(serial),
    ECDSA_SHA256,
    cn,
    seq(time(new Date(now.getTime() - 24 * 3600_000)), time(until)),
    cn,
    publicKey.export({ type: 'spki', format: 'der' }),
    extensions,
  );
  const signature = sign('sha256', tbs, privateKey);
  const der = seq(tbs, ECDSA_SHA256, bitString(signature));
  const cert = `-----BEGIN CERTIFICATE-----\n${der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
  return { key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, cert, fingerprint: fingerprintOf(der) };
}

/** AB:CD:... (32 pairs): the SHA-256 of the certificate's DER, as browsers and `openssl x509 -fingerprint -sha256` show it. */
export function fingerprintOf(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)!.join(':');
}

/** "ab cd ..." or "abcd..." or "AB:CD:..." → AB:CD:...; null when it is not 32 bytes of hex. */
export function normalizeFingerprint(s: string): string | null {
  const hex = s.replace(/[\s:]/g, '').toUpperCase();
  return /^[0-9A-F]{64}$/.test(hex) ? hex.match(/../g)!.join(':') : null;
}

/**
 * The certificate kept in `dir`, made on first use. Both files are private to the user (0600); a
 * pair that does not belong together or cannot be read is made again (the desks then pair again).
 */
export function ensureCertificate(dir: string, names: readonly string[]): Certificate & { made: boolean } {
  const keyFile = path.join(dir, KEY_FILE);
  const certFile = path.join(dir, CERT_FILE);
  try {
    const key = fs.readFileSync(keyFile, 'utf8');
    const cert = fs.readFileSync(certFile, 'utf8');
    const x = new X509Certificate(cert);
    if (x.checkPrivateKey(createPrivateKey(key))) return { key, cert, fingerprint: x.fingerprint256, made: false };
  } catch {
    // Not there yet, or unreadable: made below.
  }
  const made = makeCertificate(names);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const [file, text] of [
    [keyFile, made.key],
    [certFile, made.cert],
  ] as const) {
    fs.writeFileSync(`${file}.tmp`, text, { mode: 0o600 });
    fs.renameSync(`${file}.tmp`, file);
    if (process.platform !== 'win32') fs.chmodSync(file, 0o600);
  }
  return { ...made, made: true };
}
