// The window's own imports, streamed: the Electron window hands main a picked file's path
// (previewVinListFile), read there as a stream, or, on a paired desk, uploaded from there to the
// sharing PC (a real `serve --lan` process); the browser window posts the file to the loopback
// server's upload route with its token, and a loopback window switched to a desk has it streamed on to
// the host. A path is never read for a caller over HTTP, and the upload route wants the token.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { SESSION_HEADER, TOKEN_HEADER } from '../../shared/api';
import { UPLOAD_INPUT_HEADER, UPLOAD_PATHS } from '../../shared/imports/contract';
import { createApp, type App } from '../../main/app';
import { ChromiumPdf } from '../../main/forms/pdf';
import { openDesk } from '../../main/lan/desk';
import { localUploader } from '../../main/lan/upload';
import { WindowSwitch } from '../../main/lan/window-switch';
import { type RunningServer, startServer } from '../../main/server/http';
import { addAccount, CLI } from '../support/cli';
import { type LanHost, serveLan } from '../support/lan';
import { makeVin } from '../support/synthetic';
import { SHARED_VPIC, tempDbPath, tempDir } from '../support/tempdb';

const ADMIN = { name: 'Dana Admin', password: 'admin-pw-1' };
const PARTS = { name: 'Pat Parts', password: 'parts-pw-1' };

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A list of `rows` distinct ALE VINs, one a line. */
function listFile(rows: number): string {
  const file = path.join(tempDir(), `ALE-${rows}.txt`);
  const lines: string[] = [];
  for (let k = 0; k < rows; k++) lines.push(makeVin('JTH', 'BE96S', 2007, String(1_000_000 + k)));
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
}

async function localApp(): Promise<App> {
  const app = await createApp({ dbPath: tempDbPath(), vpicPath: SHARED_VPIC });
  cleanups.push(() => app.close());
  return app;
}

const ok = <T>(e: { ok: boolean; data?: unknown; error?: { message: string } }): T => {
  if (!e.ok) throw new Error(e.error?.message);
  return e.data as T;
};

type Preview = { importId: string; valid: number; encoding: string; campaign: { code: string } };

async function commit(dispatch: App['dispatch'], importId: string, session: string | null): Promise<string> {
  const started = ok<{ jobId: string }>(await dispatch('commitImport', { importId }, { session }));
  for (;;) {
    const s = ok<{ state: string; message: string }>(await dispatch('importStatus', { jobId: started.jobId }, { session }));
    if (s.state !== 'running') return s.message;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the Electron window picks a file: main reads it by its path', () => {
  test('on this PC: previewVinListFile reads the file as a stream, and the import goes in', async () => {
    const app = await localApp();
    const file = listFile(5000);
    const p = ok<Preview>(await app.dispatch('previewVinListFile', { path: file, campaign: 'ALE', listDate: '2026-11-20' }));
    expect(p).toMatchObject({ valid: 5000, encoding: 'utf-8', campaign: { code: 'ALE' } });
    expect(await commit(app.dispatch, p.importId, null)).toContain('imported, 5,000 VINs');
  });

  test('a path that is not a file is said plainly; over HTTP a path is never read', async () => {
    const app = await localApp();
    const missing = await app.dispatch('previewVinListFile', { path: path.join(tempDir(), 'gone.txt'), campaign: 'ALE' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/^Cannot read .*gone\.txt: no such file\./) } });
    const folder = await app.dispatch('previewVehiclesFile', { path: tempDir() });
    expect(folder).toMatchObject({ ok: false, error: { message: expect.stringContaining('it is not a file') } });
    const overHttp = await app.dispatch('previewVinListFile', { path: listFile(3), campaign: 'ALE' }, { overHttp: true });
    expect(overHttp).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test('on a paired desk: main uploads the file to the sharing PC, streamed, as the person signed in', async () => {
    const db = tempDbPath();
    addAccount(db, ADMIN.name, 'admin', ADMIN.password);
    addAccount(db, PARTS.name, 'parts', PARTS.password, ADMIN);
    const host: LanHost = await serveLan(CLI, db);
    cleanups.push(() => host.stop());
    const desk = openDesk({ server: host.url, fingerprint: host.fingerprint }, { pdf: new ChromiumPdf(), formsFolder: tempDir(), showInFolder: null });
    cleanups.push(() => desk.close());
    const file = listFile(20_000);

    // Signed out: the host refuses it, as every call.
    const refused = await desk.dispatch('previewVinListFile', { path: file, campaign: 'ALE' }, { session: null });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    const { session } = ok<{ session: string }>(await desk.dispatch('signIn', PARTS, { session: null }));
    const p = ok<Preview>(await desk.dispatch('previewVinListFile', { path: file, campaign: 'ALE', listDate: '2026-11-20' }, { session }));
    expect(p).toMatchObject({ valid: 20_000, campaign: { code: 'ALE' } });
    expect(await commit(desk.dispatch, p.importId, session)).toContain('imported, 20,000 VINs');
    const lookup = ok<{ campaigns: { code: string; certainty: string; matchDetail: string }[] }>(
      await desk.dispatch('lookup', { vin: makeVin('JTH', 'BE96S', 2007, '1000007') }, { session }),
    );
    expect(lookup.campaigns.find((c) => c.code === 'ALE')).toMatchObject({ certainty: 'confirmed', matchDetail: 'On the affected-VIN list of 2026-11-20.' });
  }, 60_000);
});

describe('the browser window posts the file to the loopback upload route', () => {
  const post = (server: RunningServer, body: Blob, inputs: object, token: string | null) =>
    fetch(`http://127.0.0.1:${server.port}${UPLOAD_PATHS.previewVinList}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        ...(token ? { [TOKEN_HEADER]: token } : {}),
        [UPLOAD_INPUT_HEADER]: Buffer.from(JSON.stringify(inputs)).toString('base64url'),
      },
      body,
    });

  test('with the token: previewed on this PC; without it: refused; a JSON call carrying a file over 32 MB: refused', async () => {
    const app = await localApp();
    const server = await startServer({ dispatch: app.dispatch, upload: localUploader(app), staticDir: tempDir() });
    cleanups.push(() => server.close());
    const body = new Blob([fs.readFileSync(listFile(2000))]);

    const noToken = await post(server, body, { campaign: 'ALE', fileName: 'a.txt' }, null);
    expect(noToken.status).toBe(401);
    const r = await post(server, body, { campaign: 'ALE', fileName: 'a.txt', encoding: 'utf-8', listDate: '2026-11-20' }, server.token);
    const p = ok<Preview>((await r.json()) as never);
    expect(p.valid).toBe(2000);
    expect(await commit(app.dispatch, p.importId, null)).toContain('imported, 2,000 VINs');

    // Bad inputs are said by their field; the file is not read.
    const bad = (await (await post(server, body, { campaign: 'ALE', fileName: 'a.txt', listDate: '20/11/2026' }, server.token)).json()) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('listDate') } });

    // The old way (the file as one JSON string) is refused before it is held.
    const big = JSON.stringify({ campaign: 'ALE', fileName: 'big.txt', content: 'x'.repeat(33 * 1024 * 1024) });
    const json = await fetch(`http://127.0.0.1:${server.port}/api/previewVinList`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
      body: big,
    }).catch((err: Error) => err);
    if (json instanceof Response) {
      expect(json.status).toBe(413);
      expect(await json.text()).toContain('over 32 MB');
    }
  }, 60_000);

  test('a loopback window switched to a sharing PC: the upload is streamed on to the host, as the person signed in there', async () => {
    const db = tempDbPath();
    addAccount(db, ADMIN.name, 'admin', ADMIN.password);
    addAccount(db, PARTS.name, 'parts', PARTS.password, ADMIN);
    const host: LanHost = await serveLan(CLI, db);
    cleanups.push(() => host.stop());
    const app = await localApp();
    const sw = await new WindowSwitch({
      openLocal: async () => ({ dispatch: app.dispatch, subscribe: (l) => app.changes.subscribe(l), upload: localUploader(app) }),
      openDesk: (c) => openDesk(c, { pdf: new ChromiumPdf(), formsFolder: tempDir(), showInFolder: null }),
      connectionFile: path.join(tempDir(), 'connection.json'),
      start: { server: host.url, fingerprint: host.fingerprint, user: null, pairedAt: '2026-12-06T10:00:00Z' },
    }).start();
    cleanups.push(() => sw.close());
    const server = await startServer({ dispatch: sw.dispatch, upload: sw.upload, staticDir: tempDir() });
    cleanups.push(() => server.close());
    const { session } = ok<{ session: string }>(await sw.dispatch('signIn', PARTS, { session: null }));

    const body = new Blob([fs.readFileSync(listFile(3000))]);
    const r = await fetch(`http://127.0.0.1:${server.port}${UPLOAD_PATHS.previewVinList}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        [TOKEN_HEADER]: server.token,
        [SESSION_HEADER]: session,
        [UPLOAD_INPUT_HEADER]: Buffer.from(JSON.stringify({ campaign: 'ALE', fileName: 'a.txt', listDate: '2026-11-20' })).toString('base64url'),
      },
      body,
    });
    const p = ok<Preview>((await r.json()) as never);
    expect(p.valid).toBe(3000);
    // The host staged it: the import goes in on the host's database.
    expect(await commit(sw.dispatch, p.importId, session)).toContain('imported, 3,000 VINs');
    // And nothing went into this PC's own database.
    expect(app.campaigns.listFor(app.campaigns.idOf('ALE').id)).toBeNull();
  }, 60_000);
});
