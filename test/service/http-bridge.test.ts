// The browser mode's HTTP bridge, for real: loopback socket, token, Host/Origin checks, static files.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../main/server/http';
import { TOKEN_HEADER } from '../../shared/api';
import { tempDir, testApp } from '../support/tempdb';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start() {
  const app = await testApp();
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Recall Desk</title>');
  fs.writeFileSync(path.join(tempDir(), 'secret.txt'), 'outside');
  server = await startServer({ dispatch: app.dispatch, staticDir });
  return { app, base: `http://127.0.0.1:${server.port}`, token: server.token };
}

const post = (base: string, op: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/${op}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('HTTP bridge', () => {
  test('prints a loopback URL carrying a fresh token', async () => {
    const { token } = await start();
    expect(server!.url).toBe(`http://127.0.0.1:${server!.port}/#token=${token}`);
    expect(token.length).toBeGreaterThanOrEqual(32);
    const other = await startServer({ dispatch: async () => ({ ok: true, data: null }), staticDir: tempDir() });
    expect(other.token).not.toBe(token);
    await other.close();
  });

  test('refuses API calls without the token, or with a wrong one', async () => {
    const { base, token } = await start();
    const none = await post(base, 'appInfo', {});
    expect(none.status).toBe(401);
    expect((await none.json()).error.message).toMatch(/access token/);
    const wrong = await post(base, 'appInfo', {}, { [TOKEN_HEADER]: token.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')) });
    expect(wrong.status).toBe(401);
  });

  test('answers with the token, through the same contract', async () => {
    const { base, token } = await start();
    const res = await post(base, 'lookup', { vin: 'IJTHBE96S170007930' }, { [TOKEN_HEADER]: token });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.ok).toBe(true);
    expect(body.data.vin).toBe('JTHBE96S170007930');
    expect(body.data.campaigns.map((c: { code: string }) => c.code)).toEqual(['ALE']);
  });

  test('every input is parsed with its schema before a service sees it', async () => {
    const { base, token } = await start();
    const bad = await (await post(base, 'lookup', { vin: 'JTHBE96S170007930', productionMonth: 'Dec 2022' }, { [TOKEN_HEADER]: token })).json();
    expect(bad).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'productionMonth: production month must be written YYYY-MM, e.g. 2022-12 (door-jamb label)',
        details: ['productionMonth: production month must be written YYYY-MM, e.g. 2022-12 (door-jamb label)'],
      },
    });
    const extra = await (await post(base, 'appInfo', { sneaky: 1 }, { [TOKEN_HEADER]: token })).json();
    expect(extra.ok).toBe(false);
    const unknown = await (await post(base, 'dropTables', {}, { [TOKEN_HEADER]: token })).json();
    expect(unknown.error.message).toBe('Unknown operation "dropTables".');
  });

  test('refuses other Hosts (DNS rebinding) and cross-origin pages', async () => {
    const { token } = await start();
    const http = await import('node:http');
    const status = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: server!.port,
            path: '/api/appInfo',
            method: 'POST',
            headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token, ...headers },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode!);
          },
        );
        req.end('{}');
      });
    expect(await status({ host: 'evil.example:80' })).toBe(421);
    expect(await status({ origin: 'http://evil.example' })).toBe(403);
    expect(await status({ origin: `http://127.0.0.1:${server!.port}` })).toBe(200);
  });

  test('serves the renderer with a strict CSP, and nothing outside its folder', async () => {
    const { base } = await start();
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(await res.text()).toContain('Recall Desk');
    expect((await fetch(`${base}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    expect((await fetch(`${base}/%2e%2e/secret.txt`)).status).toBe(404);
  });

  test('listens on loopback only', async () => {
    await start();
    expect(server!.host).toBe('127.0.0.1');
    const net = await import('node:net');
    const addresses = Object.values((await import('node:os')).networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    for (const address of addresses) {
      const connected = await new Promise<boolean>((resolve) => {
        const s = net.connect({ host: address, port: server!.port });
        s.once('connect', () => (s.destroy(), resolve(true)));
        s.once('error', () => resolve(false));
      });
      expect(connected, `reachable on ${address}`).toBe(false);
    }
  });
});
