// "Connect to a desk that shares its database" from the window's Settings, in the browser mode: a real
// `serve --lan` host and a real loopback `serve` (the window's own process), both built CLI processes.
// The window calls connectToDesk over its loopback bridge (per-launch token); its process pairs as
// `recall-desk connect` does (the certificate's fingerprint pinned, the connection saved), then sends
// every call of the window to the host, pushes the host's changes on its /events, and "stop using"
// forgets the pairing and returns to this PC's database. Refusals leave nothing saved.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { saveConnection } from '../../main/lan/connection';
import { EVENTS_PATH, SESSION_HEADER, TOKEN_HEADER, type Envelope } from '../../shared/api';
import { addAccount, CLI } from '../support/cli';
import { desk as cliDesk, type LanHost, serveLan } from '../support/lan';
import { serve } from '../support/serve';
import { tempDbPath, tempDir } from '../support/tempdb';
import { SHARED_VPIC } from '../support/vpic-path';

const hosts: LanHost[] = [];
const windows: ChildProcess[] = [];
afterEach(async () => {
  for (const w of windows.splice(0)) {
    if (w.exitCode === null) {
      const gone = new Promise((r) => w.once('exit', r));
      w.kill('SIGTERM');
      await gone;
    }
  }
  for (const h of hosts.splice(0)) await h.stop();
});

const ADMIN = { name: 'Dana Admin', password: 'admin-pw-1' };
const PARTS = { name: 'Pat Parts', password: 'parts-pw-1' };
const PART = '12345-67890';

async function sharingHost(db = tempDbPath(), args: string[] = []): Promise<LanHost> {
  if (!fs.existsSync(db)) {
    addAccount(db, ADMIN.name, 'admin,parts', ADMIN.password);
    addAccount(db, PARTS.name, 'parts', PARTS.password, ADMIN);
  }
  const host = await serveLan(CLI, db, {}, args);
  hosts.push(host);
  return host;
}

/** This PC's window as the browser mode serves it: `serve --db` on loopback, its own data folder. */
async function localWindow(db = tempDbPath()) {
  const config = tempDir();
  const { url, child } = await serve(CLI, db, { XDG_CONFIG_HOME: config, RECALL_DESK_VPIC: SHARED_VPIC });
  windows.push(child);
  const u = new URL(url);
  const token = /token=([^&]+)/.exec(u.hash)![1]!;
  const call = async (op: string, input: unknown, session: string | null = null): Promise<Envelope<unknown>> => {
    const res = await fetch(`${u.origin}/api/${op}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token, ...(session ? { [SESSION_HEADER]: session } : {}) },
      body: JSON.stringify(input),
    });
    return (await res.json()) as Envelope<unknown>;
  };
  /** The window's event stream: every "changed: tags" the process pushes. */
  const events = (session: string | null) => {
    const heard: string[][] = [];
    const stop = new AbortController();
    void fetch(`${u.origin}${EVENTS_PATH}`, { headers: { [TOKEN_HEADER]: token, ...(session ? { [SESSION_HEADER]: session } : {}) }, signal: stop.signal })
      .then(async (res) => {
        const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          for (const m of value.matchAll(/^data: (.+)$/gm)) heard.push((JSON.parse(m[1]!) as { tags: string[] }).tags);
        }
      })
      .catch(() => {});
    return { heard, stop: () => stop.abort() };
  };
  return { call, events, connectionFile: path.join(config, 'Recall Desk', 'connection.json') };
}

const data = <T>(e: Envelope<unknown>): T => {
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`);
  return e.data as T;
};

type Connection = { server: string | null; host: string | null; fingerprint: string | null; reachable: boolean; canConnect: boolean };

describe('connecting the window to a sharing PC from Settings (browser mode)', () => {
  test('pairs as recall-desk connect does, then every call of the window works on the host; stop using returns to this PC', async () => {
    const host = await sharingHost();
    const win = await localWindow();
    expect(data<Connection>(await win.call('deskConnection', {}))).toMatchObject({ server: null, host: null, canConnect: true });

    // A PC without accounts: anyone at it may connect its window (recall-desk connect needs no account here either).
    const connected = data<Connection>(await win.call('connectToDesk', { address: host.url, pairingCode: host.code() }));
    expect(connected).toMatchObject({ server: host.url, host: `127.0.0.1:${host.port}`, fingerprint: host.fingerprint, reachable: true });
    // The pairing is saved as the CLI saves it: the host and the fingerprint it pinned.
    const saved = JSON.parse(fs.readFileSync(win.connectionFile, 'utf8')) as { server: string; fingerprint: string };
    expect(saved).toMatchObject({ server: host.url, fingerprint: host.fingerprint });
    expect(data<Connection>(await win.call('deskConnection', {}))).toMatchObject({ server: host.url, fingerprint: host.fingerprint });
    // The code was used up: the host shows a new one.
    await host.nextCode(host.code());

    // The window now shows the host's sign-in form: the host has accounts, this PC has none.
    expect(data<{ accounts: boolean; user: unknown }>(await win.call('authStatus', {}))).toMatchObject({ accounts: true, user: null });
    const session = data<{ session: string }>(await win.call('signIn', ADMIN)).session;

    // A write on the window lands in the host's database, seen by another desk.
    data(await win.call('setPart', { campaign: 'BLC', part: PART, description: 'Clip', released: true }, session));
    const other = await cliDesk(host, ADMIN.name, ADMIN.password);
    const stream = win.events(session);
    try {
      expect(JSON.stringify(await other.call('listParts', {}))).toContain(PART);
      // And the host's changes made by another desk reach the window's event stream (changed until heard:
      // the window's process opens its stream to the host once it has a session).
      let n = 0;
      const until = Date.now() + 10_000;
      while (!stream.heard.some((t) => t.includes('parts'))) {
        if (Date.now() > until) throw new Error('the host change was not pushed to the window');
        await other.call('setPart', { campaign: 'BLC', part: PART, description: `Clip ${n++}`, released: true });
        await new Promise((r) => setTimeout(r, 300));
      }
    } finally {
      stream.stop();
      other.close();
    }

    // Stop using the host: the pairing is forgotten, the window is on this PC's database again.
    expect(data<Connection>(await win.call('stopUsingDesk', {}))).toMatchObject({ server: null, host: null, fingerprint: null });
    expect(fs.existsSync(win.connectionFile)).toBe(false);
    expect(data<{ accounts: boolean }>(await win.call('authStatus', {}))).toMatchObject({ accounts: false });
    expect(JSON.stringify(data(await win.call('listParts', {})))).not.toContain(PART);
  });

  test('a wrong code, a certificate mismatch, an unreachable host and an address that is not https are refused; nothing is saved', async () => {
    const host = await sharingHost();
    const win = await localWindow();
    const refused = async (input: Record<string, string>) => {
      const r = await win.call('connectToDesk', input);
      expect(r.ok).toBe(false);
      expect(fs.existsSync(win.connectionFile)).toBe(false);
      expect(data<Connection>(await win.call('deskConnection', {}))).toMatchObject({ server: null });
      return r.ok ? '' : r.error.message;
    };
    expect(await refused({ address: host.url, pairingCode: 'ZZZZ-ZZZZ-ZZZZ' })).toMatch(/^Not paired: Wrong or expired pairing code/);
    const other = host.fingerprint.replace(/^../, host.fingerprint.startsWith('00') ? '11' : '00');
    expect(await refused({ address: host.url, pairingCode: host.code(), fingerprint: other })).toMatch(
      new RegExp(`presents the fingerprint ${host.fingerprint}, not ${other}`),
    );
    expect(await refused({ address: `http://127.0.0.1:${host.port}`, pairingCode: host.code() })).toMatch(/over HTTPS only/);
    expect(await refused({ address: 'https://127.0.0.1:1', pairingCode: host.code() })).toMatch(/^Cannot reach the sharing PC 127\.0\.0\.1:1/);
    expect(await refused({ address: host.url, pairingCode: 'ab' })).toMatch(/pairing code is 12 letters and digits/);
    // The code shown was never used: it still pairs.
    expect(data<Connection>(await win.call('connectToDesk', { address: host.url, pairingCode: host.code(), fingerprint: host.fingerprint }))).toMatchObject({
      fingerprint: host.fingerprint,
    });
  });

  test('on a PC with accounts only its admin may connect the window; never from another desk over the LAN', async () => {
    const host = await sharingHost();
    const db = tempDbPath();
    addAccount(db, 'Lee Local', 'admin', 'local-pw-1');
    addAccount(db, 'Cal Counter', 'parts', 'counter-pw-1', { name: 'Lee Local', password: 'local-pw-1' });
    const win = await localWindow(db);
    const input = { address: host.url, pairingCode: host.code() };
    const anon = await win.call('connectToDesk', input);
    expect(anon.ok ? '' : anon.error.code).toBe('unauthenticated');
    const counter = data<{ session: string }>(await win.call('signIn', { name: 'Cal Counter', password: 'counter-pw-1' })).session;
    const parts = await win.call('connectToDesk', input, counter);
    expect(parts.ok ? '' : parts.error.code).toBe('forbidden');
    expect(fs.existsSync(win.connectionFile)).toBe(false);

    // Over the LAN, even the host's admin may not switch what the host's own window works on.
    const admin = await cliDesk(host, ADMIN.name, ADMIN.password);
    try {
      const lan = await admin.raw('connectToDesk', input);
      expect(lan.ok ? '' : lan.error.code).toBe('forbidden');
      expect(lan.ok ? '' : lan.error.message).toMatch(/this PC’s own window/);
    } finally {
      admin.close();
    }

    const lee = data<{ session: string }>(await win.call('signIn', { name: 'Lee Local', password: 'local-pw-1' })).session;
    expect(data<Connection>(await win.call('connectToDesk', input, lee))).toMatchObject({ fingerprint: host.fingerprint });
    expect(fs.existsSync(win.connectionFile)).toBe(true);
    // The window's session here means nothing on the host: its sign-in form is next.
    expect(data<{ user: unknown }>(await win.call('authStatus', {}, lee))).toMatchObject({ user: null });
  });

  test('a paired window whose host now presents another certificate is refused with that reason; stop using still returns here', async () => {
    const db = tempDbPath();
    const first = await sharingHost(db);
    const win = await localWindow();
    data(await win.call('connectToDesk', { address: first.url, pairingCode: first.code() }));
    // The sharing PC set up again (a new certificate) on the same address, or another computer answering there.
    await first.stop();
    hosts.splice(hosts.indexOf(first), 1);
    fs.rmSync(path.join(path.dirname(db), 'lan-cert.pem'));
    fs.rmSync(path.join(path.dirname(db), 'lan-key.pem'));
    const second = await sharingHost(db, ['--port', String(first.port)]);
    expect(second.fingerprint).not.toBe(first.fingerprint);
    const r = await win.call('authStatus', {});
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error.message).toMatch(
      new RegExp(
        `^Refused: the certificate of 127\\.0\\.0\\.1:${first.port} does not match the pinned fingerprint \\(it has ${second.fingerprint}, this desk expects ${first.fingerprint}\\)`,
      ),
    );
    expect(data<Connection>(await win.call('stopUsingDesk', {}))).toMatchObject({ server: null });
    expect(fs.existsSync(win.connectionFile)).toBe(false);
    expect(data<{ accounts: boolean }>(await win.call('authStatus', {}))).toMatchObject({ accounts: false });
  });

  test('serve without --db on a paired PC starts on the sharing PC, as the window does', async () => {
    const host = await sharingHost();
    const config = tempDir();
    saveConnection(
      { server: host.url, fingerprint: host.fingerprint, user: null, pairedAt: '2026-12-06T10:00:00Z' },
      path.join(config, 'Recall Desk', 'connection.json'),
    );
    const child = spawn(process.execPath, [CLI, 'serve'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, RECALL_DESK_DB: '', XDG_CONFIG_HOME: config, RECALL_DESK_VPIC: SHARED_VPIC },
    });
    windows.push(child);
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const until = Date.now() + 30_000;
    while (!/^Open: /m.test(out)) {
      if (Date.now() > until || child.exitCode !== null) throw new Error(`serve printed no address:\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(out).toContain(`Database: the sharing PC 127.0.0.1:${host.port}`);
    const u = new URL(/^Open: (\S+)$/m.exec(out)![1]!);
    const token = /token=([^&]+)/.exec(u.hash)![1]!;
    const res = await fetch(`${u.origin}/api/authStatus`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: '{}',
    });
    expect(await res.json()).toMatchObject({ ok: true, data: { accounts: true, user: null } });
  });
});
