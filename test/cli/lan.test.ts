// One PC shares its database (`serve --lan`, a separate process on loopback), desks connect as
// separate CLI processes and in-process links: pairing, the pinned certificate, the same output as on
// the host, uploads, writes retried after a dropped connection, ten desks at once, a disabled
// account, slow sockets and guessing from one address.
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { afterEach, describe, expect, test } from 'vitest';
import { HostLink } from '../../main/lan/client';
import { addAccount, CLI, cli } from '../support/cli';
import { desk, type LanHost, serveLan } from '../support/lan';
import { makeVin } from '../support/synthetic';
import { tempDbPath, tempDir } from '../support/tempdb';

const hosts: LanHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.stop();
});

const ADMIN = { name: 'Dana Admin', password: 'admin-pw-1' };
const PARTS = { name: 'Pat Parts', password: 'parts-pw-1' };

/** A database with an admin and a parts person, shared. */
async function sharedDb(): Promise<{ db: string; host: LanHost }> {
  const db = tempDbPath();
  addAccount(db, ADMIN.name, 'admin', ADMIN.password);
  addAccount(db, PARTS.name, 'parts', PARTS.password, ADMIN);
  const host = await serveLan(CLI, db);
  hosts.push(host);
  return { db, host };
}

/** A desk's own data folder (where the pairing is saved). */
const deskEnv = (extra: Record<string, string> = {}) => ({ XDG_CONFIG_HOME: tempDir(), RECALL_DESK_DB: '', ...extra });

describe('serve --lan', () => {
  test('needs an admin account first: exit 2 with what to do', () => {
    const r = cli(['serve', '--lan', '--db', tempDbPath()], { RECALL_DESK_LISTEN: '127.0.0.1' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Sharing needs an admin account first .*users add NAME --role admin/);
  });

  test('prints its address, the fingerprint of the certificate it made (private to the user) and a pairing code', async () => {
    const { db, host } = await sharedDb();
    const out = host.out();
    expect(out).toMatch(/^Address: https:\/\/127\.0\.0\.1:\d+$/m);
    expect(out).toMatch(/^Fingerprint \(SHA-256\): ([0-9A-F]{2}:){31}[0-9A-F]{2}$/m);
    expect(out).toMatch(/^Pairing code: [0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/m);
    const certFile = path.join(path.dirname(db), 'lan-cert.pem');
    const keyFile = path.join(path.dirname(db), 'lan-key.pem');
    expect(fs.statSync(certFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(new X509Certificate(fs.readFileSync(certFile)).fingerprint256).toBe(host.fingerprint);
    // What a TLS client sees on the port is that very certificate.
    const seen = await new Promise<string>((resolve, reject) => {
      const s = tls.connect({ host: '127.0.0.1', port: host.port, rejectUnauthorized: false }, () => {
        resolve(s.getPeerCertificate().fingerprint256);
        s.destroy();
      });
      s.on('error', reject);
    });
    expect(seen).toBe(host.fingerprint);
    // Plain HTTP on the port gets no answer: HTTPS only.
    await expect(fetch(`http://127.0.0.1:${host.port}/api/authStatus`, { method: 'POST', body: '{}' })).rejects.toThrow();
  });
});

describe('a desk', () => {
  test('pairs with the code once, then works on the host with the same output and exit codes', async () => {
    const { db, host } = await sharedDb();
    const env = deskEnv({ RECALL_DESK_PASSWORD: PARTS.password });
    const wrong = cli(['connect', host.url, '--code', 'AAAA-BBBB-CCCC', '--user', PARTS.name], env);
    expect([wrong.code, wrong.stderr.trim()]).toEqual([
      2,
      'Not paired: Wrong or expired pairing code: read the code the sharing PC shows now (a code works once, for 10 minutes).',
    ]);
    const code = host.code();
    const paired = cli(['connect', host.url, '--code', code, '--user', PARTS.name], env);
    expect(paired.code).toBe(0);
    expect(paired.stdout).toContain(`Fingerprint (SHA-256): ${host.fingerprint}`);
    // Single use: the same code again is refused, and the host shows a new one.
    const again = cli(['connect', host.url, '--code', code, '--user', PARTS.name], deskEnv({ RECALL_DESK_PASSWORD: PARTS.password }));
    expect(again.code).toBe(2);
    expect(await host.nextCode(code)).not.toBe(code);

    // Without --server now: the paired host, as Pat. The same answers as on the host's own file.
    expect(cli(['parts', 'set', 'BLC', '12345-67890', '--description', 'Clip', '--released'], env).code).toBe(0);
    const onDesk = cli(['stock', 'receive', '12345-67890', '3'], env);
    expect(onDesk.code).toBe(0);
    const history = cli(['stock', 'history', '12345-67890', '--json'], env);
    const local = cli(['stock', 'history', '12345-67890', '--json', '--db', db, '--user', PARTS.name], { RECALL_DESK_PASSWORD: PARTS.password });
    expect(history.code).toBe(0);
    expect(history.stdout).toBe(local.stdout);
    expect(JSON.parse(history.stdout).movements.map((m: { madeBy: string; quantity: number }) => [m.madeBy, m.quantity])).toEqual([[PARTS.name, 3]]);
    // A refusal is the same refusal, with the same exit code.
    const forbidden = cli(['users'], env);
    const forbiddenHere = cli(['users', '--db', db, '--user', PARTS.name], { RECALL_DESK_PASSWORD: PARTS.password });
    expect([forbidden.code, forbidden.stderr]).toEqual([forbiddenHere.code, forbiddenHere.stderr]);
    expect(forbidden.code).toBe(2);
    const badVin = cli(['lookup', 'NOTAVIN'], env);
    const badVinHere = cli(['lookup', 'NOTAVIN', '--db', db, '--user', PARTS.name], { RECALL_DESK_PASSWORD: PARTS.password });
    expect([badVin.code, badVin.stderr]).toEqual([badVinHere.code, badVinHere.stderr]);
  }, 180_000);

  test('--server with --fingerprint works without pairing; a host whose certificate does not match is refused with that reason', async () => {
    const { host } = await sharedDb();
    const env = deskEnv({ RECALL_DESK_PASSWORD: PARTS.password });
    const ok = cli(['--server', host.url, '--fingerprint', host.fingerprint, '--user', PARTS.name, 'parts'], env);
    expect(ok.code).toBe(0);
    const other = host.fingerprint.replace(/^../, host.fingerprint.startsWith('00') ? '11' : '00');
    const r = cli(['--server', host.url, '--fingerprint', other, '--user', PARTS.name, 'parts'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`does not match the pinned fingerprint (it has ${host.fingerprint}, this desk expects ${other})`);
    // And connect refuses a host that is not the one whose fingerprint was given.
    const c = cli(['--fingerprint', other, 'connect', host.url, '--code', host.code(), '--user', PARTS.name], env);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain(`presents the fingerprint ${host.fingerprint}, not ${other}`);
  }, 120_000);

  test('an import uploads its file streamed; the host imports it as it would its own', async () => {
    const { db, host } = await sharedDb();
    const env = deskEnv({ RECALL_DESK_PASSWORD: ADMIN.password });
    const file = path.join(tempDir(), 'list.csv');
    const rows = 20_000;
    const lines = ['VIN'];
    for (let i = 0; i < rows; i++) lines.push(makeVin('JTH', 'KPAAY', 2023, `A${String(100000 + i)}`));
    fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    const r = cli(['--server', host.url, '--fingerprint', host.fingerprint, '--user', ADMIN.name, 'import-vins', '23LJ01', file, '--date', '2026-11-20'], env);
    expect(r.stderr).not.toMatch(/at .*\.(ts|cjs):\d+/);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('20,000');
    // The host has the list: a listed VIN's answer, asked on the desk, is the host's own answer.
    const vin = lines[1234]!;
    const there = cli(['--server', host.url, '--fingerprint', host.fingerprint, '--user', ADMIN.name, 'lookup', vin, '--json'], env);
    const here = cli(['lookup', vin, '--json', '--db', db, '--user', ADMIN.name], { RECALL_DESK_PASSWORD: ADMIN.password });
    expect(there.code).toBe(0);
    expect(there.stdout).toBe(here.stdout);
    expect(there.stdout).toContain('2026-11-20');
  }, 60_000);
});

describe('writes over the LAN', () => {
  test('a write retried after a dropped connection is answered from its first result, never applied twice', async () => {
    const { host } = await sharedDb();
    const pat = await desk(host, PARTS.name, PARTS.password);
    await pat.call('setPart', { campaign: 'BLC', part: '12345-67890', description: 'Clip', released: true });
    const body = JSON.stringify({ kind: 'receive', part: '12345-67890', quantity: 2, by: 'x' });
    const request = [
      'POST /api/recordMovement HTTP/1.1',
      `Host: 127.0.0.1:${host.port}`,
      'content-type: application/json',
      `x-recall-desk-session: ${pat.session}`,
      'idempotency-key: 5d1f0c8e-retry-test-0001',
      `content-length: ${Buffer.byteLength(body)}`,
      '',
      body,
    ].join('\r\n');
    // The request goes out whole, and the connection drops before any answer is read.
    await new Promise<void>((resolve, reject) => {
      const s = tls.connect({ host: '127.0.0.1', port: host.port, rejectUnauthorized: false }, () => {
        s.write(request, () => {
          s.destroy();
          resolve();
        });
      });
      s.on('error', reject);
    });
    const movements = async () =>
      (await pat.call<{ movements: { id: number; kind: string }[] }>('stockHistory', { part: '12345-67890' })).movements.filter((m) => m.kind === 'receive');
    // The host committed it (bounded wait: a loaded machine takes its time).
    for (let i = 0; i < 100 && (await movements()).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    const first = await movements();
    expect(first).toHaveLength(1);
    // The desk sends it again with the same key: the first answer, nothing applied again.
    const retry = await new Promise<string>((resolve, reject) => {
      const s = tls.connect({ host: '127.0.0.1', port: host.port, rejectUnauthorized: false }, () =>
        s.write(request.replace('HTTP/1.1\r\n', 'HTTP/1.1\r\nConnection: close\r\n')),
      );
      let data = '';
      s.on('data', (d) => (data += d));
      s.on('end', () => resolve(data));
      s.on('error', reject);
    });
    // The body (chunked): from its first brace to its last.
    const answer = JSON.parse(retry.slice(retry.indexOf('{'), retry.lastIndexOf('}') + 1)) as { ok: boolean; data: { movement: { id: number } } };
    expect(answer.ok).toBe(true);
    expect(answer.data.movement.id).toBe(first[0]!.id);
    expect(await movements()).toHaveLength(1);
    // The same key for another write is refused, not answered with the wrong result.
    const other = await pat.link.post('/api/recordMovement', JSON.stringify({ kind: 'receive', part: '12345-67890', quantity: 5 }), {
      session: pat.session,
      headers: { 'idempotency-key': '5d1f0c8e-retry-test-0001' },
    });
    expect(JSON.parse(other.text).error.code).toBe('conflict');
    expect(await movements()).toHaveLength(1);
    pat.close();
  });

  test('ten desks recording stock movements at once lose none', async () => {
    const { host } = await sharedDb();
    const admin = await desk(host, ADMIN.name, ADMIN.password);
    await admin.call('setPart', { campaign: 'BLC', part: '12345-67890', description: 'Clip', released: true });
    const desks = await Promise.all(Array.from({ length: 10 }, () => desk(host, PARTS.name, PARTS.password)));
    const each = 20;
    const results = await Promise.all(
      desks.map(async (d) => {
        const r = [];
        for (let i = 0; i < each; i++) r.push(await d.raw('recordMovement', { kind: 'receive', part: '12345-67890', quantity: 1 }));
        return r;
      }),
    );
    expect(results.flat().filter((r) => !r.ok)).toEqual([]);
    const history = await admin.call<{ position: { onHand: number }; movements: unknown[] }>('stockHistory', { part: '12345-67890' });
    expect(history.position.onHand).toBe(10 * each);
    expect(history.movements).toHaveLength(10 * each);
    for (const d of [admin, ...desks]) d.close();
  }, 60_000);
});

describe('accounts and sessions on the LAN', () => {
  test("a disabled account's session ends at once", async () => {
    const { host } = await sharedDb();
    const pat = await desk(host, PARTS.name, PARTS.password);
    expect((await pat.raw('listParts', {})).ok).toBe(true);
    const admin = await desk(host, ADMIN.name, ADMIN.password);
    await admin.call('setUserActive', { name: PARTS.name, active: false });
    const after = await pat.raw('listParts', {});
    expect(after.ok ? null : after.error.code).toBe('unauthenticated');
    // Nor may it sign in again, nor hear the changes.
    expect((await pat.link.call('signIn', PARTS, null)).ok).toBe(false);
    pat.close();
    admin.close();
  });

  test('wrong sign-ins are limited per address, whichever names are tried; another address still signs in', async () => {
    const { host } = await sharedDb();
    const guest = new HostLink(host.url, host.fingerprint, { localAddress: '127.0.0.2' });
    const answers = [];
    for (let i = 0; i < 21; i++) answers.push(await guest.call('signIn', { name: `guess${i}`, password: 'wrong-password' }, null));
    expect(answers.slice(0, 20).every((a) => !a.ok && /Wrong name or password/.test(a.error.message))).toBe(true);
    const last = answers[20]!;
    expect(last.ok ? '' : last.error.message).toMatch(/^Too many wrong sign-ins from this computer: try again in \d+ minutes?\.$/);
    // Even the right password, from that address, waits.
    expect((await guest.call('signIn', ADMIN, null)).ok).toBe(false);
    guest.close();
    const counter = new HostLink(host.url, host.fingerprint, { localAddress: '127.0.0.3' });
    expect((await counter.call('signIn', ADMIN, null)).ok).toBe(true);
    counter.close();
  }, 60_000);

  test('Host and Origin are checked; the event stream is for signed-in desks only', async () => {
    const { host } = await sharedDb();
    const pat = await desk(host, PARTS.name, PARTS.password);
    const status = async (headers: Record<string, string>, pathname = '/api/listParts') =>
      (await pat.link.post(pathname, '{}', { session: pat.session, headers })).status;
    expect(await status({})).toBe(200);
    expect(await status({ host: 'evil.example' })).toBe(421);
    expect(await status({ origin: 'https://evil.example' })).toBe(403);
    expect(await status({ origin: `http://127.0.0.1:${host.port}` })).toBe(403);
    expect(await status({ origin: `https://127.0.0.1:${host.port}` })).toBe(200);
    const events = (session: string | null) =>
      new Promise<number>((resolve, reject) => {
        const s = tls.connect({ host: '127.0.0.1', port: host.port, rejectUnauthorized: false }, () =>
          s.write(`GET /events HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n${session ? `x-recall-desk-session: ${session}\r\n` : ''}\r\n`),
        );
        s.once('data', (d) => {
          resolve(Number(/^HTTP\/1\.1 (\d+)/.exec(d.toString())?.[1]));
          s.destroy();
        });
        s.on('error', reject);
      });
    expect(await events(null)).toBe(401);
    expect(await events(pat.session)).toBe(200);
    pat.close();
  });

  test('200 sockets trickling bytes from one address do not stop the other desks', async () => {
    const { host } = await sharedDb();
    const sockets: net.Socket[] = [];
    const trickle = setInterval(() => {
      for (const s of sockets) if (!s.destroyed) s.write('x');
    }, 500);
    try {
      for (let i = 0; i < 200; i++) {
        const s = net.connect({ host: '127.0.0.1', port: host.port, localAddress: '127.0.0.2' });
        s.on('error', () => {});
        s.on('connect', () => s.write('\x16\x03\x01'));
        sockets.push(s);
      }
      await new Promise((r) => setTimeout(r, 500));
      const pat = await desk(host, PARTS.name, PARTS.password, '127.0.0.3');
      const started = Date.now();
      for (let i = 0; i < 5; i++) expect((await pat.raw('listParts', {})).ok).toBe(true);
      // Far under the minute the old server kept every request waiting (bounded for a loaded machine).
      expect(Date.now() - started).toBeLessThan(10_000);
      pat.close();
    } finally {
      clearInterval(trickle);
      for (const s of sockets) s.destroy();
    }
  }, 60_000);
});
