// The Electron window on a paired desk: its main process sends every call of the window to the
// sharing PC (a real `serve --lan` process on loopback) through the CLI's pinned client, as the
// person signed in to that window; changes come back from the host's event stream; printing is done
// by this PC's Chromium with the document the host rendered; a host that stops answering is said
// within 2 s and the window hears when it is back. Electron itself cannot run here: this is the
// plain-Node part its main process uses (main/lan/desk.ts), the same object main/electron/main.ts makes.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ChromiumPdf } from '../../main/forms/pdf';
import { saveConnection } from '../../main/lan/connection';
import { type Desk, type HostState, openDesk, windowBackend } from '../../main/lan/desk';
import { addAccount, CLI } from '../support/cli';
import { desk as cliDesk, type LanHost, serveLan } from '../support/lan';
import { tempDbPath, tempDir } from '../support/tempdb';

const hosts: LanHost[] = [];
const desks: Desk[] = [];
afterEach(async () => {
  for (const d of desks.splice(0)) await d.close();
  for (const h of hosts.splice(0)) await h.stop();
});

const ADMIN = { name: 'Dana Admin', password: 'admin-pw-1' };
const PARTS = { name: 'Pat Parts', password: 'parts-pw-1' };
const PART = '12345-67890';

async function shared(): Promise<{ db: string; host: LanHost }> {
  const db = tempDbPath();
  addAccount(db, ADMIN.name, 'admin,parts', ADMIN.password);
  addAccount(db, PARTS.name, 'parts', PARTS.password, ADMIN);
  const host = await serveLan(CLI, db);
  hosts.push(host);
  return { db, host };
}

/** The window's desk as main/electron/main.ts opens it: from the pairing saved in the data folder. */
function windowDesk(host: LanHost, o: { fingerprint?: string; pdf?: ChromiumPdf } = {}): { desk: Desk; folder: string } {
  const folder = tempDir();
  const file = path.join(folder, 'connection.json');
  saveConnection({ server: host.url, fingerprint: o.fingerprint ?? host.fingerprint, user: PARTS.name, pairedAt: '2026-12-06T10:00:00Z' }, file);
  const backend = windowBackend({ argv: [], env: {}, connectionFile: file, dataDir: folder });
  if (backend.kind !== 'desk') throw new Error(`expected a desk, got ${backend.kind}`);
  const d = openDesk(backend.connection, { formsFolder: path.join(folder, 'forms'), pdf: o.pdf ?? new ChromiumPdf(), showInFolder: () => {} });
  desks.push(d);
  return { desk: d, folder };
}

const waitFor = async (what: string, ok: () => boolean, ms = 8000) => {
  const until = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('the window of a paired desk', () => {
  test('signs in on the host as its own person; every call works on the host database; changes made elsewhere reach the window', async () => {
    const { host } = await shared();
    const { desk } = windowDesk(host);
    expect(desk.status()).toEqual({ host: `127.0.0.1:${host.port}`, reachable: true });

    // Before sign-in the host says who may do what, as to any window.
    const before = await desk.dispatch('listParts', {}, { session: null });
    expect(before.ok ? 'ok' : before.error.code).toBe('unauthenticated');
    const signedIn = await desk.dispatch('signIn', PARTS, { session: null });
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    const session = (signedIn.data as { session: string }).session;
    const who = await desk.dispatch('authStatus', {}, { session });
    expect(who.ok && (who.data as { user: { name: string } | null }).user?.name).toBe(PARTS.name);

    // The window hears the host's changes: one made by another desk (the admin on the CLI's link).
    const heard: string[][] = [];
    desk.subscribe((tags) => heard.push([...tags]));
    const admin = await cliDesk(host, ADMIN.name, ADMIN.password);
    await waitFor('the event stream', () => desk.streaming());
    await admin.call('setPart', { campaign: 'BLC', part: PART, description: 'Clip', released: true });
    await waitFor('the change from the other desk', () => heard.some((t) => t.includes('parts')));

    // A write from the window lands in the host's database, recorded as this person.
    const w = await desk.dispatch('recordMovement', { kind: 'receive', part: PART, quantity: 3 }, { session });
    expect(w.ok ? 'ok' : w.error.message).toBe('ok');
    const history = await admin.call<{ position: { onHand: number }; movements: { madeBy: string }[] }>('stockHistory', { part: PART });
    expect(history.position.onHand).toBe(3);
    expect(history.movements.at(-1)?.madeBy).toBe(PARTS.name);

    // Signed out: the session is gone on the host too.
    await desk.dispatch('signOut', {}, { session });
    const after = await desk.dispatch('listParts', {}, { session });
    expect(after.ok ? 'ok' : after.error.code).toBe('unauthenticated');
    admin.close();
  }, 60_000);

  test('printing stays on this PC: the host renders the document, this PC’s Chromium makes the PDF, the host records the form', async () => {
    const { host } = await shared();
    const { desk, folder } = windowDesk(host);
    const signedIn = await desk.dispatch('signIn', ADMIN, { session: null });
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    const session = (signedIn.data as { session: string }).session;
    const dealer = { name: 'Lakeside Lexus', address: '1 Main Street', code: '64123', phone: '555-0100' };
    const settings = await desk.dispatch('saveSettings', { dealer }, { session });
    expect(settings.ok ? 'ok' : settings.error.message).toBe('ok');
    const saved = await desk.dispatch('saveFormPdf', { kind: 'faq', campaign: '23LJ01' }, { session });
    if (!saved.ok) throw new Error(saved.error.message);
    const data = saved.data as { path: string; fileName: string; pdfBase64: string; pages: number; record: { kind: string } | null };
    // The file is on this PC, in the desk's own forms folder, and is the PDF the window got.
    expect(path.dirname(data.path)).toBe(path.join(folder, 'forms'));
    expect(fs.readFileSync(data.path).subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.from(data.pdfBase64, 'base64').equals(fs.readFileSync(data.path))).toBe(true);
    expect(data.pages).toBeGreaterThan(0);
    // Recorded on the host, in the dealership's forms log.
    expect(data.record?.kind).toBe('faq');
    const log = await desk.dispatch('listForms', {}, { session });
    expect(log.ok && (log.data as { forms: { kind: string }[] }).forms.map((f) => f.kind)).toEqual(['faq']);
    // "Show in folder" shows this PC's file, never a path the window names elsewhere.
    expect(await desk.dispatch('showInFolder', { path: data.path }, { session })).toEqual({ ok: true, data: { shown: true } });
    expect(await desk.dispatch('showInFolder', { path: '/etc/passwd' }, { session })).toEqual({ ok: true, data: { shown: false } });
  }, 90_000);

  test('a host that stops answering is said within 2 s; the window hears when it is back', async () => {
    const { host } = await shared();
    const { desk } = windowDesk(host);
    const signedIn = await desk.dispatch('signIn', PARTS, { session: null });
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    const states: HostState[] = [];
    desk.onStatus((s) => states.push(s));
    await waitFor('the event stream', () => desk.streaming());
    process.kill(host.child.pid!, 'SIGSTOP');
    const stopped = Date.now();
    try {
      await waitFor('the host said unreachable', () => !desk.status().reachable, 8000);
      // 2 s by design (a beat every 0.7 s, silence after 1.8 s); room for a loaded machine.
      expect(Date.now() - stopped).toBeLessThan(5000);
    } finally {
      process.kill(host.child.pid!, 'SIGCONT');
    }
    await waitFor('the host back', () => desk.status().reachable, 15_000);
    expect(states.map((s) => s.reachable)).toEqual([false, true]);
  }, 60_000);

  test('a host whose certificate is not the pinned one is refused with that reason, and nothing is sent', async () => {
    const { host } = await shared();
    const wrong = host.fingerprint.replace(/^[0-9A-F]{2}/, (h) => (h === '00' ? '01' : '00'));
    const { desk } = windowDesk(host, { fingerprint: wrong });
    const r = await desk.dispatch('signIn', PARTS, { session: null });
    expect(r.ok ? 'ok' : r.error.message).toMatch(/^Refused: the certificate of 127\.0\.0\.1:\d+ does not match the pinned fingerprint/);
    // A refusal is not a host gone away: the top bar does not say "retrying".
    expect(desk.status().reachable).toBe(true);
    // Even with a valid session of the host, a write through that desk never reaches it.
    const admin = await cliDesk(host, ADMIN.name, ADMIN.password);
    await admin.call('setPart', { campaign: 'BLC', part: PART, description: 'Clip', released: true });
    const w = await desk.dispatch('recordMovement', { kind: 'receive', part: PART, quantity: 1 }, { session: admin.session });
    expect(w.ok ? 'ok' : w.error.message).toMatch(/^Refused: the certificate/);
    expect((await admin.call<{ position: { onHand: number } }>('stockHistory', { part: PART })).position.onHand).toBe(0);
    admin.close();
  }, 60_000);
});

describe('which database the window opens', () => {
  test('paired: the host, pinned to the saved fingerprint; --db or RECALL_DESK_DB: the file here; not paired: the file here', () => {
    const folder = tempDir();
    const file = path.join(folder, 'connection.json');
    const fp = Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).padStart(2, '0').toUpperCase()).join(':');
    expect(windowBackend({ argv: [], env: {}, connectionFile: file, dataDir: folder })).toEqual({
      kind: 'local',
      dbPath: path.join(folder, 'recall-desk.sqlite'),
    });
    saveConnection({ server: 'https://192.168.1.20:8443', fingerprint: fp, user: 'Pat', pairedAt: '' }, file);
    expect(windowBackend({ argv: [], env: {}, connectionFile: file, dataDir: folder })).toEqual({
      kind: 'desk',
      connection: { server: 'https://192.168.1.20:8443', fingerprint: fp, user: 'Pat', pairedAt: '' },
    });
    expect(windowBackend({ argv: ['--db=/tmp/x.sqlite'], env: {}, connectionFile: file, dataDir: folder })).toEqual({ kind: 'local', dbPath: '/tmp/x.sqlite' });
    expect(windowBackend({ argv: [], env: { RECALL_DESK_DB: '/tmp/y.sqlite' }, connectionFile: file, dataDir: folder })).toEqual({
      kind: 'local',
      dbPath: '/tmp/y.sqlite',
    });
  });
});
