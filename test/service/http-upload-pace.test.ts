// A file sent to the upload routes may take longer than a JSON call may (a 90 MB list over a slow
// Wi-Fi link): it is cut when it stops arriving, not when the request timeout of a JSON call is up.
// A JSON call's body still has that timeout (a client trickling bytes never holds a slot for long).
import net from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { localUploader } from '../../main/lan/upload';
import { type RunningServer, startServer } from '../../main/server/http';
import { TOKEN_HEADER } from '../../shared/api';
import { UPLOAD_INPUT_HEADER, UPLOAD_PATHS } from '../../shared/imports/contract';
import { expectStillUp } from '../support/bridge';
import { makeVin } from '../support/synthetic';
import { tempDir, testApp } from '../support/tempdb';

// Generous for a machine at load 8: a pause of the test's own process must never look like a silent sender.
const LIMITS = { headersTimeoutMs: 2_000, requestTimeoutMs: 2_500, uploadIdleMs: 4_000, checkIntervalMs: 200 };
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function server(): Promise<RunningServer> {
  const app = await testApp();
  cleanups.push(() => app.close());
  const s = await startServer({ dispatch: app.dispatch, upload: localUploader(app), staticDir: tempDir(), limits: LIMITS });
  cleanups.push(() => s.close());
  return s;
}

/** Sends the head now and the body in `pieces` parts `everyMs` apart (then nothing more if `stopAfter` is set); what came back and when the socket closed. */
function send(s: RunningServer, head: string, body: Buffer, pieces: number, everyMs: number, stopAfter = pieces) {
  return new Promise<{ data: string; ms: number }>((resolve, reject) => {
    const t0 = performance.now();
    let data = '';
    const socket = net.connect(s.port, '127.0.0.1', () => {
      socket.write(head.replace('{length}', String(body.length)));
      let i = 0;
      const size = Math.ceil(body.length / pieces);
      const next = () => {
        if (i >= stopAfter || socket.destroyed) return;
        socket.write(body.subarray(i * size, (i + 1) * size));
        i++;
        setTimeout(next, everyMs);
      };
      next();
    });
    socket.on('data', (d) => {
      data += d.toString('utf8');
      // One answer is all this asks for.
      if (/\r\n\r\n/.test(data) && /"ok":/.test(data)) socket.end();
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve({ data, ms: performance.now() - t0 }));
    socket.setTimeout(30_000, () => reject(new Error('no answer in 30 s')));
  });
}

const uploadHead = (s: RunningServer) =>
  `POST ${UPLOAD_PATHS.previewVinList} HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\ncontent-type: application/octet-stream\r\n${TOKEN_HEADER}: ${s.token}\r\n` +
  `${UPLOAD_INPUT_HEADER}: ${Buffer.from(JSON.stringify({ campaign: 'ALE', fileName: 'slow.txt', listDate: '2026-11-20' })).toString('base64url')}\r\n` +
  'content-length: {length}\r\nconnection: close\r\n\r\n';

const list = (rows: number) => Buffer.from(`${Array.from({ length: rows }, (_, k) => makeVin('JTH', 'BE96S', 2007, String(1_000_000 + k))).join('\r\n')}\r\n`);

test('an upload that keeps arriving, slowly, for longer than a JSON call may take, is read to its end and previewed', async () => {
  const s = await server();
  // 25 pieces 250 ms apart: about 6 s, over twice the request timeout, never a second without a byte.
  const r = await send(s, uploadHead(s), list(2_000), 25, 250);
  expect(r.data).toMatch(/^HTTP\/1\.1 200/);
  expect(r.data).toContain('"valid":2000');
  expect(r.ms).toBeGreaterThan(LIMITS.requestTimeoutMs);
  await expectStillUp(s);
}, 40_000);

test('an upload that stops arriving is cut once it has been silent for the idle time', async () => {
  const s = await server();
  const r = await send(s, uploadHead(s), list(2_000), 25, 100, 3);
  expect(r.data).not.toMatch(/^HTTP\/1\.1 200/);
  expect(r.ms).toBeGreaterThan(LIMITS.uploadIdleMs - 500);
  expect(r.ms).toBeLessThan(LIMITS.uploadIdleMs + 6_000);
  await expectStillUp(s);
}, 40_000);

test("a JSON call's body that trickles in is still cut at the request timeout", async () => {
  const s = await server();
  const head = `POST /api/lookup HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\ncontent-type: application/json\r\n${TOKEN_HEADER}: ${s.token}\r\ncontent-length: {length}\r\n\r\n`;
  const body = Buffer.from(JSON.stringify({ vin: makeVin('JTH', 'BE96S', 2007, '0001001'), pad: 'x'.repeat(400) }));
  // A byte every 200 ms would take 90 s.
  const r = await send(s, head, body, body.length, 200);
  expect(r.data).not.toMatch(/^HTTP\/1\.1 200/);
  expect(r.ms).toBeLessThan(LIMITS.requestTimeoutMs + 6_000);
  await expectStillUp(s);
}, 40_000);
