// The window switch as the Electron main process uses it (main/electron/main.ts): a window started on
// a paired desk opens no database here; "Stop using HOST" forgets the pairing, opens this PC's database
// then (once) and the same IPC handlers now answer from it, the top bar hears null, every screen is
// told to fetch again. Electron cannot run here: this is its plain-Node part, against a real host.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { App } from '../../main/app';
import { ChromiumPdf } from '../../main/forms/pdf';
import { loadConnection, saveConnection } from '../../main/lan/connection';
import { openDesk } from '../../main/lan/desk';
import { WindowSwitch } from '../../main/lan/window-switch';
import { TAGS } from '../../shared/contract';
import type { HostState } from '../../shared/lan/window';
import { addAccount, CLI } from '../support/cli';
import { type LanHost, serveLan } from '../support/lan';
import { tempDbPath, tempDir, testApp } from '../support/tempdb';

const hosts: LanHost[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
  for (const h of hosts.splice(0)) await h.stop();
});

const ADMIN = { name: 'Dana Admin', password: 'admin-pw-1' };

describe('the Electron window’s switch between a sharing PC and this PC', () => {
  test('started on a paired desk: no database here until "stop using"; then this PC’s, and the pairing is forgotten', async () => {
    const db = tempDbPath();
    addAccount(db, ADMIN.name, 'admin', ADMIN.password);
    const host = await serveLan(CLI, db);
    hosts.push(host);
    const folder = tempDir();
    const file = path.join(folder, 'connection.json');
    saveConnection({ server: host.url, fingerprint: host.fingerprint, user: null, pairedAt: '2026-12-06T10:00:00Z' }, file);

    let opened = 0;
    let local: App | null = null;
    const sw = await new WindowSwitch({
      openLocal: async () => {
        opened++;
        local = await testApp();
        return { dispatch: local.dispatch, subscribe: (l) => local!.changes.subscribe(l) };
      },
      openDesk: (c) => openDesk(c, { pdf: new ChromiumPdf(), formsFolder: path.join(folder, 'forms'), showInFolder: () => {} }),
      connectionFile: file,
      start: loadConnection(file),
    }).start();
    closers.push(async () => {
      await sw.close();
      await (local as App | null)?.close();
    });
    const states: (HostState | null)[] = [];
    sw.onHostState((s) => states.push(s));
    const tags: string[][] = [];
    sw.subscribe((t) => tags.push([...t]));

    // On the desk: the host answers every call; nothing opened here.
    expect(opened).toBe(0);
    expect(sw.hostState()).toEqual({ host: `127.0.0.1:${host.port}`, reachable: true });
    const onHost = await sw.dispatch('authStatus', {}, { session: null });
    expect(onHost).toMatchObject({ ok: true, data: { accounts: true, user: null } });
    expect(await sw.dispatch('deskConnection', {}, {})).toMatchObject({ ok: true, data: { server: host.url, fingerprint: host.fingerprint } });
    // Connecting elsewhere first needs "stop using".
    const again = await sw.dispatch('connectToDesk', { address: host.url, pairingCode: host.code() }, {});
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('stop using it first') } });

    // Stop using the host: signed out there, the pairing forgotten, this PC's database opened once.
    const session = await sw.dispatch('signIn', ADMIN, { session: null });
    if (!session.ok) throw new Error(session.error.message);
    const token = (session.data as { session: string }).session;
    const stopped = await sw.dispatch('stopUsingDesk', {}, { session: token });
    expect(stopped).toMatchObject({ ok: true, data: { server: null, host: null, fingerprint: null, canConnect: true } });
    expect(fs.existsSync(file)).toBe(false);
    expect(opened).toBe(1);
    expect(states.at(-1)).toBeNull();
    expect(sw.hostState()).toBeNull();
    expect(tags.some((t) => TAGS.every((x) => t.includes(x)))).toBe(true);
    const here = await sw.dispatch('authStatus', {}, { session: null });
    expect(here).toMatchObject({ ok: true, data: { accounts: false } });
    // The host's session of the window ended with it.
    const link = openDesk({ server: host.url, fingerprint: host.fingerprint }, { pdf: new ChromiumPdf(), formsFolder: folder, showInFolder: () => {} });
    try {
      expect(await link.dispatch('authStatus', {}, { session: token })).toMatchObject({ ok: true, data: { user: null } });
    } finally {
      await link.close();
    }
    // This PC's own changes reach the window now.
    const before = tags.length;
    await sw.dispatch('addStaff', { name: 'Robin' }, {});
    expect(tags.slice(before).some((t) => t.includes('settings'))).toBe(true);
    expect(opened).toBe(1);
  });
});
