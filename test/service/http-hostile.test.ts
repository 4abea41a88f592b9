import net from 'node:net';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { RunningServer } from '../../main/server/http';
import { TOKEN_HEADER } from '../../shared/api';
import { expectStillUp, startBridge } from '../support/bridge';

let server: RunningServer;
const LIMITS = { headersTimeoutMs: 800, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 500, maxConnections: 20, checkIntervalMs: 200 };

beforeEach(async () => {
  server = await startBridge(LIMITS);
});
afterEach(() => server.close());

const host = () => `127.0.0.1:${server.port}`;

const stillUp = () => expectStillUp(server);

/** Opens a socket; resolves with it once connected. */
function connect(): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect(server.port, '127.0.0.1', () => resolve(s));
    s.on('error', reject);
  });
}

/** Resolves with what the server sent and how long until it closed the socket. */
function untilClosed(s: net.Socket): Promise<{ data: string; ms: number }> {
  const t0 = performance.now();
  let data = '';
  s.on('data', (d) => (data += d.toString('latin1')));
  return new Promise((resolve) => s.on('close', () => resolve({ data, ms: performance.now() - t0 })));
}

const apiHead = (op: string, extra = '') =>
  `POST /api/${op} HTTP/1.1\r\nHost: ${host()}\r\ncontent-type: application/json\r\n${TOKEN_HEADER}: ${server.token}\r\n${extra}`;

test('a 100 KB header gets 431, and the server goes on', async () => {
  const s = await connect();
  const closed = untilClosed(s);
  s.write(`GET / HTTP/1.1\r\nHost: ${host()}\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`);
  expect((await closed).data).toMatch(/^HTTP\/1\.1 431/);
  await stillUp();
});

test('slowloris: a client that never finishes its headers is closed after the headers timeout', async () => {
  const s = await connect();
  const closed = untilClosed(s);
  s.write(`GET / HTTP/1.1\r\nHost: ${host()}\r\n`);
  const drip = setInterval(() => s.writable && s.write('X-a: b\r\n'), 100);
  const { ms } = await closed;
  clearInterval(drip);
  expect(ms).toBeLessThan(LIMITS.headersTimeoutMs + 3 * LIMITS.checkIntervalMs + 1000);
  await stillUp();
});

test('a flood of idle connections is capped, and freed by the timeouts', async () => {
  const sockets = await Promise.all(Array.from({ length: 200 }, () => connect().catch(() => null)));
  const open = sockets.filter((s): s is net.Socket => s !== null);
  const closes = open.map((s) => untilClosed(s));
  // Every connection beyond the cap is closed at once; the rest once they have sent nothing for the headers timeout.
  const all = await Promise.all(closes);
  expect(all.length).toBeGreaterThan(0);
  expect(Math.max(...all.map((c) => c.ms))).toBeLessThan(LIMITS.headersTimeoutMs + 3 * LIMITS.checkIntervalMs + 2000);
  await stillUp();
}, 20_000);

test('a JSON body over 32 MB is refused with 413, with or without its length, and the server goes on (files go to the upload routes)', async () => {
  // Declared: refused before a byte of it is read.
  const declared = await connect();
  const closedDeclared = untilClosed(declared);
  declared.write(`${apiHead('lookup', `content-length: ${33 * 1024 * 1024}\r\n`)}\r\n{"vin":"`);
  expect((await closedDeclared).data).toMatch(/^HTTP\/1\.1 413[\s\S]*over 32 MB/);

  // Chunked: read until it passes 32 MB, then refused.
  const chunked = await connect();
  const closedChunked = untilClosed(chunked);
  chunked.on('error', () => {});
  chunked.write(`${apiHead('lookup', 'transfer-encoding: chunked\r\n')}\r\n`);
  const mb = Buffer.alloc(1024 * 1024, 0x20);
  const chunk = Buffer.concat([Buffer.from(`${mb.length.toString(16)}\r\n`), mb, Buffer.from('\r\n')]);
  for (let i = 0; i < 40 && !chunked.destroyed; i++) {
    if (!chunked.write(chunk)) await new Promise((r) => chunked.once('drain', r).once('close', r));
  }
  expect((await closedChunked).data).toMatch(/^HTTP\/1\.1 413/);
  await stillUp();
}, 60_000);

test('deeply nested JSON is refused in plain words, and the server goes on', async () => {
  const deep = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
  for (const body of [`{"vin":${deep}}`, deep, '['.repeat(2_000_000), `{"fileName":"b.json","content":${JSON.stringify(deep)}}`]) {
    for (const op of ['lookup', 'importBulletin']) {
      const r = await fetch(`http://${host()}/api/${op}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
        body,
      });
      expect([200, 400]).toContain(r.status);
      const env = (await r.json()) as { ok: boolean; error?: { code: string; message: string } };
      expect(env.ok).toBe(false);
      expect(env.error!.message.length).toBeLessThan(500);
    }
  }
  await stillUp();
}, 60_000);
