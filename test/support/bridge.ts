// The real HTTP bridge for tests that talk to it over raw sockets: an app over a temp database, a
// static folder with an index page, and the probe that it still answers an API call.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { type RunningServer, type ServerOptions, startServer } from '../../main/server/http';
import { TOKEN_HEADER } from '../../shared/api';
import { tempDir, testApp } from './tempdb';

export async function startBridge(limits?: ServerOptions['limits']): Promise<RunningServer> {
  const app = await testApp();
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Recall Desk</title>');
  return startServer({ dispatch: app.dispatch, subscribe: (l) => app.changes.subscribe(l), staticDir, limits });
}

/** The server still serves an authorised API call after whatever came before. */
export async function expectStillUp(server: RunningServer): Promise<void> {
  const r = await fetch(`http://127.0.0.1:${server.port}/api/appInfo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
    body: '{}',
  });
  expect(r.status).toBe(200);
  expect(((await r.json()) as { ok: boolean }).ok).toBe(true);
}
