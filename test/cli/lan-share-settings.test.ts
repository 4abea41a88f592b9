// Settings, "Share this database with other desks": the browser mode's own process starts sharing when
// an admin asks, exactly as serve --lan does (the certificate, the addresses, a pairing code), and the
// database is marked shared while it runs (a restore is refused). Without an admin it says what to do.
import path from 'node:path';
import tls from 'node:tls';
import { afterEach, expect, test } from 'vitest';
import { SESSION_HEADER, TOKEN_HEADER, httpPath } from '../../shared/contract';
import type { Envelope } from '../../shared/contract';
import { addAccount, CLI, cli } from '../support/cli';
import { serve } from '../support/serve';
import { tempDbPath, tempDir } from '../support/tempdb';

const children: { kill(): boolean }[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill();
});

async function browserMode(db: string) {
  const { url, child } = await serve(CLI, db, { RECALL_DESK_LISTEN: '127.0.0.1' });
  children.push(child);
  const u = new URL(url);
  const token = new URLSearchParams(u.hash.slice(1)).get('token') ?? u.searchParams.get('token') ?? '';
  let session = '';
  const call = async <T>(name: string, input: unknown): Promise<Envelope<T>> => {
    const res = await fetch(`${u.origin}${httpPath(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token, ...(session ? { [SESSION_HEADER]: session } : {}) },
      body: JSON.stringify(input),
    });
    return (await res.json()) as Envelope<T>;
  };
  const signIn = async (name: string, password: string) => {
    const r = await call<{ session: string }>('signIn', { name, password });
    if (!r.ok) throw new Error(r.error.message);
    session = r.data.session;
  };
  return { call, signIn };
}

type Status = { sharing: boolean; addresses: string[]; fingerprint: string | null; pairingCode: string | null };

test('an admin shares the database from Settings: HTTPS on the LAN address with the fingerprint shown, a pairing code, and no restore meanwhile', async () => {
  const db = tempDbPath();
  addAccount(db, 'Dana Admin', 'admin', 'admin-pw-1');
  const desk = await browserMode(db);
  await desk.signIn('Dana Admin', 'admin-pw-1');
  const before = await desk.call<Status>('sharingStatus', {});
  expect(before.ok && before.data.sharing).toBe(false);

  const r = await desk.call<Status>('shareDatabase', { port: 0 });
  if (!r.ok) throw new Error(r.error.message);
  expect(r.data.sharing).toBe(true);
  expect(r.data.addresses).toEqual([expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+$/)]);
  expect(r.data.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  expect(r.data.pairingCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  // What a desk sees on that address is the certificate whose fingerprint Settings shows.
  const port = Number(new URL(r.data.addresses[0]!).port);
  const seen = await new Promise<string>((resolve, reject) => {
    const s = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      resolve(s.getPeerCertificate().fingerprint256);
      s.destroy();
    });
    s.once('error', reject);
  });
  expect(seen).toBe(r.data.fingerprint);

  // Asked again, it is the same sharing, not a second one.
  const again = await desk.call<Status>('shareDatabase', { port: 0 });
  expect(again.ok && again.data.addresses).toEqual(r.data.addresses);

  const copy = path.join(tempDir(), 'copy.sqlite');
  expect(cli(['backup', '--out', copy, '--db', db]).code).toBe(0);
  const restore = cli(['restore', copy, '--db', db]);
  expect(restore.code).toBe(2);
  expect(restore.stderr).toMatch(/shar/i);
}, 90_000);

test('without an admin account, sharing says what to do first and nothing listens', async () => {
  const desk = await browserMode(tempDbPath());
  const r = await desk.call<Status>('shareDatabase', { port: 0 });
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.message).toMatch(/needs an admin account first.*users add NAME --role admin/);
  const status = await desk.call<Status>('sharingStatus', {});
  expect(status.ok && status.data.sharing).toBe(false);
}, 60_000);
