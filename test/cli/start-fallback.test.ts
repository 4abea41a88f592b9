// npm start on a machine where Electron cannot run (here: no display) starts the browser mode itself
// and prints its address; that address, with its token, serves the app and answers API calls.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../support/cli';
import { tempDbPath } from '../support/tempdb';

test('npm start without a display serves the browser mode and prints where', { timeout: 60_000 }, async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, RECALL_DESK_DB: tempDbPath() };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((r) => child.once('exit', r));
  try {
    let out = '';
    const address = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += String(d);
        const m = /Open: (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`npm start ended (exit ${code}) without an address:\n${out}`)));
    });
    expect(out).toMatch(/^Electron cannot run here: there is no graphical display \(DISPLAY is not set\)\. Starting the browser mode instead/);

    const url = new URL(address);
    const token = url.hash.slice('#token='.length);
    const page = await fetch(new URL('/', url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const info = await fetch(new URL('/api/appInfo', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-recall-desk-token': token },
      body: '{}',
    });
    expect(await info.json()).toMatchObject({ ok: true, data: { databasePath: env.RECALL_DESK_DB, campaignCount: 3 } });
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
});
