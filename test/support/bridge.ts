// The real HTTP bridge for tests that talk to it over raw sockets: an app over a temp database, a
// static folder with an index page, and the probe that it still answers an API call.
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { expect } from 'vitest';
import { makeCertificate } from '../../main/lan/cert';
import { type RunningServer, type ServerOptions, startServer } from '../../main/server/http';
import { TOKEN_HEADER } from '../../shared/api';
import { tempDir, testApp } from './tempdb';

export async function startBridge(limits?: ServerOptions['limits']): Promise<RunningServer> {
  const app = await testApp();
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Recall Desk</title>');
  return startServer({ dispatch: app.dispatch, subscribe: (l) => app.changes.subscribe(l), staticDir, limits });
}

/** The same bridge as shared on the LAN: HTTPS, no token, on loopback (a database without accounts). */
export async function startLanBridge(limits?: ServerOptions['limits']): Promise<RunningServer> {
  const app = await testApp();
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Recall Desk</title>');
  const cert = makeCertificate(['localhost', '127.0.0.1']);
  return startServer({
    dispatch: app.dispatch,
    subscribe: (l) => app.changes.subscribe(l),
    staticDir,
    limits,
    lan: { key: cert.key, cert: cert.cert, listenHost: '127.0.0.1', hostNames: () => ['127.0.0.1'], sessionAlive: () => true },
  });
}

/** The server still serves an authorised API call after whatever came before. */
export async function expectStillUp(server: RunningServer): Promise<void> {
  if (server.url.startsWith('https:')) {
    const r = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = https.request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/appInfo',
          method: 'POST',
          rejectUnauthorized: false,
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(r.status).toBe(200);
    expect((JSON.parse(r.body) as { ok: boolean }).ok).toBe(true);
    return;
  }
  const r = await fetch(`http://127.0.0.1:${server.port}/api/appInfo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
    body: '{}',
  });
  expect(r.status).toBe(200);
  expect(((await r.json()) as { ok: boolean }).ok).toBe(true);
}
