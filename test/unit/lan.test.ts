// The pieces of sharing on the LAN, each alone: the certificate (read back by OpenSSL), the network
// filesystem check, the answers kept per Idempotency-Key, the pairing code and the limits per address.
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ensureCertificate, makeCertificate, normalizeFingerprint } from '../../main/lan/cert';
import { saveConnection } from '../../main/lan/connection';
import { openDesk, windowBackend } from '../../main/lan/desk';
import { IdempotentWrites } from '../../main/lan/idempotency';
import { SignInLimiter } from '../../main/lan/limits';
import { networkShareOf, refusalFor } from '../../main/lan/netfs';
import { CODE_LIFETIME_MS, normalizeCode, PairingCodes, pairingProof } from '../../main/lan/pairing';
import type { Envelope } from '../../shared/contract';

describe('the certificate', () => {
  test('is a valid self-signed X.509 certificate OpenSSL reads, with the fingerprint it states', () => {
    const c = makeCertificate(['localhost', '127.0.0.1', '192.168.1.20', 'fe80::1'], new Date('2026-12-01T00:00:00Z'));
    const x = new X509Certificate(c.cert);
    expect(x.verify(x.publicKey)).toBe(true);
    expect(x.subject).toBe('CN=Recall Desk');
    expect(x.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:192.168.1.20, IP Address:FE80:0:0:0:0:0:0:1');
    expect(new Date(x.validTo).getUTCFullYear()).toBe(2036);
    expect(c.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-cert-'));
    try {
      fs.writeFileSync(path.join(dir, 'c.pem'), c.cert);
      const out = execFileSync('openssl', ['x509', '-in', path.join(dir, 'c.pem'), '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' });
      expect(out.trim()).toMatch(new RegExp(`Fingerprint=${c.fingerprint}$`, 'i'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('is made once and kept private; a damaged pair is made again', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-cert-'));
    try {
      const first = ensureCertificate(dir, ['localhost']);
      expect(first.made).toBe(true);
      for (const f of ['lan-key.pem', 'lan-cert.pem']) expect(fs.statSync(path.join(dir, f)).mode & 0o777).toBe(0o600);
      const again = ensureCertificate(dir, ['localhost']);
      expect([again.made, again.fingerprint]).toEqual([false, first.fingerprint]);
      fs.writeFileSync(path.join(dir, 'lan-key.pem'), makeCertificate(['x']).key);
      const remade = ensureCertificate(dir, ['localhost']);
      expect(remade.made).toBe(true);
      expect(remade.fingerprint).not.toBe(first.fingerprint);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('fingerprints are read however they are typed', () => {
    const fp = makeCertificate(['localhost']).fingerprint;
    expect(normalizeFingerprint(fp.toLowerCase().replace(/:/g, ' '))).toBe(fp);
    expect(normalizeFingerprint('AB:CD')).toBeNull();
  });
});

describe('never the file on a share', () => {
  const mounts = [
    'sysfs /sys sysfs rw 0 0',
    '/dev/sda1 / ext4 rw 0 0',
    'server:/export /mnt/nfs nfs4 rw 0 0',
    '//nas/parts /mnt/parts\\040share cifs rw 0 0',
    '/dev/sdb1 /mnt/nfs/local ext4 rw 0 0',
  ].join('\n');
  const on = (p: string, platform: NodeJS.Platform = 'linux', drive: string | null = null) =>
    networkShareOf(
      p,
      platform,
      () => mounts,
      () => drive,
    );

  test('NFS and SMB/CIFS mounts are refused, a local disk is not, the longest mount point decides', () => {
    expect(on('/mnt/nfs/dealer/recall-desk.sqlite')).toBe('/mnt/nfs/dealer/recall-desk.sqlite is on a network filesystem (nfs4 mounted at /mnt/nfs)');
    expect(on('/mnt/parts share/db.sqlite')).toMatch(/cifs mounted at \/mnt\/parts share/);
    expect(on('/mnt/nfs/local/db.sqlite')).toBeNull();
    expect(on('/home/pat/db.sqlite')).toBeNull();
    expect(on('/mnt/nfsx/db.sqlite')).toBeNull();
  });

  test('a UNC path and a mapped network drive on Windows', () => {
    expect(on('\\\\server\\share\\recall-desk.sqlite', 'win32')).toBe('\\\\server\\share\\recall-desk.sqlite is on a network share (a UNC path)');
    expect(on('//server/share/db.sqlite', 'win32')).toMatch(/UNC path/);
    expect(on('\\\\?\\UNC\\server\\share\\db.sqlite', 'win32')).toMatch(/UNC path/);
    expect(on('\\\\?\\C:\\data\\db.sqlite', 'win32', 'local')).toBeNull();
    expect(on('Z:\\data\\db.sqlite', 'win32', 'network')).toBe('Z:\\data\\db.sqlite is on Z:, a mapped network drive');
    expect(on('C:\\data\\db.sqlite', 'win32', 'local')).toBeNull();
  });

  test('the refusal says why and what to do instead', () => {
    expect(refusalFor('X is on a network share (a UNC path)')).toMatch(
      /^Refused: X is on a network share \(a UNC path\)\. .*share it with serve --lan instead\.$/,
    );
  });
});

describe('answers kept per Idempotency-Key', () => {
  const ok = (n: number): Envelope<unknown> => ({ ok: true, data: n });

  test('a key runs once, also while the first is still running; another scope or key runs again', async () => {
    const w = new IdempotentWrites();
    let runs = 0;
    const write = () => new Promise<Envelope<unknown>>((r) => setTimeout(() => r(ok(++runs)), 20));
    const [a, b] = await Promise.all([w.run('s1', 'key-00000001', 'op', '{}', write), w.run('s1', 'key-00000001', 'op', '{}', write)]);
    expect([a, b, runs]).toEqual([ok(1), ok(1), 1]);
    expect(await w.run('s2', 'key-00000001', 'op', '{}', write)).toEqual(ok(2));
    expect(await w.run('s1', 'key-00000002', 'op', '{}', write)).toEqual(ok(3));
    const other = await w.run('s1', 'key-00000001', 'op', '{"x":1}', write);
    expect(other.ok ? null : other.error.code).toBe('conflict');
  });

  test('a busy answer may be tried again; the memory is bounded in size and time', async () => {
    let t = 0;
    const w = new IdempotentWrites({ maxEntries: 3, ttlMs: 1000, clock: () => t });
    const busy: Envelope<unknown> = { ok: false, error: { code: 'busy', message: 'busy', details: [] } };
    expect(await w.run('s', 'key-0000000b', 'op', '', async () => busy)).toEqual(busy);
    await Promise.resolve();
    expect(await w.run('s', 'key-0000000b', 'op', '', async () => ok(1))).toEqual(ok(1));
    for (let i = 0; i < 10; i++) await w.run('s', `key-000000${10 + i}`, 'op', '', async () => ok(i));
    expect(w.size).toBeLessThanOrEqual(4);
    t = 5000;
    await w.run('s', 'key-00000099', 'op', '', async () => ok(0));
    expect(w.size).toBe(1);
  });
});

describe('the pairing code', () => {
  test('works once, with proofs bound to the certificate seen; expires after 10 minutes', () => {
    let t = 0;
    const codes = new PairingCodes('AA:BB', () => t);
    const { code } = codes.current();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    // A proof made for another certificate (a computer in the middle) does not pair.
    expect(codes.redeem(pairingProof(code, 'CC:DD', 'desk'))).toBeNull();
    expect(codes.redeem(pairingProof(code.toLowerCase(), 'AA:BB', 'desk'))).toBe(pairingProof(code, 'AA:BB', 'host'));
    expect(codes.redeem(pairingProof(code, 'AA:BB', 'desk'))).toBeNull();
    const next = codes.current().code;
    expect(next).not.toBe(code);
    t += CODE_LIFETIME_MS;
    expect(codes.redeem(pairingProof(next, 'AA:BB', 'desk'))).toBeNull();
    expect(normalizeCode('o1l1-abcd')).toBe('0111ABCD');
  });
});

describe('wrong sign-ins per address', () => {
  test('the 21st within ten minutes waits, other addresses do not, and the window passes', () => {
    let t = 0;
    const l = new SignInLimiter(() => t);
    for (let i = 0; i < 20; i++) {
      expect(l.blocked('10.0.0.5')).toBeNull();
      l.failed('10.0.0.5');
    }
    expect(l.blocked('10.0.0.5')).toBe('Too many wrong sign-ins from this computer: try again in 10 minutes.');
    expect(l.blocked('10.0.0.6')).toBeNull();
    t += 10 * 60_000;
    expect(l.blocked('10.0.0.5')).toBeNull();
  });
});

describe("the window's pin", () => {
  test('a paired window connects only to the certificate saved at pairing: another one at the same address is refused before the call is sent', async () => {
    const mine = makeCertificate(['127.0.0.1']);
    const other = makeCertificate(['127.0.0.1']);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-pin-'));
    const file = path.join(dir, 'connection.json');
    const bodies: string[] = [];
    // A TLS server that answers every call, presenting `other` first, then `mine`.
    const server = https.createServer({ key: other.key, cert: other.cert }, (req, res) => {
      let b = '';
      req.on('data', (d) => (b += d));
      req.on('end', () => {
        bodies.push(b);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ ok: true, data: { shown: false } }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      saveConnection({ server: url, fingerprint: mine.fingerprint, user: null, pairedAt: '' }, file);
      const backend = windowBackend({ argv: [], env: {}, connectionFile: file, dataDir: dir });
      if (backend.kind !== 'desk') throw new Error('not a desk');
      const printer = { toPdf: async () => Buffer.alloc(0), close: async () => {} };
      for (const [presented, refused] of [
        [other, true],
        [mine, false],
      ] as const) {
        server.setSecureContext({ key: presented.key, cert: presented.cert });
        const desk = openDesk(backend.connection, { pdf: printer, formsFolder: dir, showInFolder: () => {} });
        expect(desk.link.fingerprint).toBe(mine.fingerprint);
        const r = await desk.dispatch('listParts', { secret: 'x' }, { session: null });
        if (refused) {
          expect(r.ok ? 'ok' : r.error.message).toContain(`it has ${other.fingerprint}, this desk expects ${mine.fingerprint}`);
          expect(bodies).toEqual([]);
        } else expect(r.ok).toBe(true);
        await desk.close();
      }
      expect(bodies).toEqual(['{"secret":"x"}']);
    } finally {
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
