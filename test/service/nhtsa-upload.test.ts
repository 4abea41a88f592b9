// NHTSA's file picked in the window and sent in pieces (sendNhtsaPiece, previewNhtsaUpload) over the real
// HTTP bridge: the preview is the same as for the file read on the PC, the import is the same, and the
// copy sent is removed once imported; pieces out of order, a stale upload and a file that is not NHTSA's
// get a plain answer; a piece sent twice is taken once.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { type Envelope, httpPath, TOKEN_HEADER } from '../../shared/api';
import { startServer, type RunningServer } from '../../main/server/http';
import type { App } from '../../main/app';
import { ACCORD_2019, fixtureRows, rclText, windows1252, writeZip } from '../support/nhtsa';
import { tempDir, testApp } from '../support/tempdb';

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function bridge(): Promise<{ app: App; call: (name: string, input: unknown) => Promise<Envelope<unknown>> }> {
  const app = await testApp();
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Recall Desk</title>');
  server = await startServer({ dispatch: app.dispatch, staticDir });
  const s = server;
  const call = async (name: string, input: unknown) => {
    const res = await fetch(`${s.url.replace(/\/#.*$/, '').replace(/\/$/, '')}${httpPath(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: s.token },
      body: JSON.stringify(input),
    });
    return (await res.json()) as Envelope<unknown>;
  };
  return { app, call };
}

const data = <T>(e: Envelope<unknown>): T => {
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`);
  return e.data as T;
};

/** Sends a file as the window does: pieces in order, each base64. */
async function send(call: (name: string, input: unknown) => Promise<Envelope<unknown>>, fileName: string, bytes: Buffer, piece: number) {
  let uploadId: string | null = null;
  for (let offset = 0; offset < bytes.length; offset += piece) {
    const r: { uploadId: string; received: number } = data(
      await call('sendNhtsaPiece', { uploadId, fileName, size: bytes.length, offset, data: bytes.subarray(offset, offset + piece).toString('base64') }),
    );
    uploadId = r.uploadId;
    expect(r.received).toBe(Math.min(bytes.length, offset + piece));
  }
  return uploadId!;
}

const uploadsLeft = (app: App) => {
  const root = path.join(path.dirname(app.db.path), 'nhtsa-uploads');
  return fs.existsSync(root) ? fs.readdirSync(root).flatMap((d) => fs.readdirSync(path.join(root, d))) : [];
};

test('the .zip sent in pieces previews and imports as the file on this PC does; the copy is removed once imported', async () => {
  const { app, call } = await bridge();
  const zip = fs.readFileSync(writeZip(path.join(tempDir(), 'FLAT_RCL_POST_2010.zip'), 'FLAT_RCL_POST_2010.txt', windows1252(rclText(fixtureRows()))));
  // Pieces that cut the zip anywhere.
  const uploadId = await send(call, 'FLAT_RCL_POST_2010.zip', zip, 333);
  const p = data<{ importId: string; fileName: string; rowsRead: number; kept: number; rejoined: number; refused: { reason: string }[] }>(
    await call('previewNhtsaUpload', { uploadId }),
  );
  expect(p).toMatchObject({ fileName: 'FLAT_RCL_POST_2010.zip', part: 'current', fields: 29, rowsRead: 9, kept: 7, rejoined: 1 });
  expect(p.refused.map((r) => r.reason)).toEqual(['not-vehicle', 'year']);
  expect(uploadsLeft(app)).toHaveLength(1);
  // Taken once: the same upload cannot be previewed again.
  expect(await call('previewNhtsaUpload', { uploadId })).toMatchObject({
    ok: false,
    error: { code: 'not-found', message: expect.stringMatching(/pick the file again/) },
  });

  const { jobId } = data<{ jobId: string }>(await call('commitImport', { importId: p.importId }));
  const end = await app.jobs.wait(jobId);
  expect(end).toMatchObject({ state: 'done', message: expect.stringMatching(/FLAT_RCL_POST_2010.zip: 7 vehicle rows kept of 9 read/) });
  expect(uploadsLeft(app)).toEqual([]);
  const hits = data<{ campaigns: { code: string }[] }>(await call('lookup', { vin: ACCORD_2019 })).campaigns;
  expect(hits.map((h) => h.code)).toContain('19V182000');
  expect(data<{ imports: { fileName: string; rowsKept: number }[] }>(await call('nhtsaStatus', {})).imports).toMatchObject([
    { fileName: 'FLAT_RCL_POST_2010.zip', rowsKept: 7 },
  ]);
});

test('a piece sent twice is taken once; pieces out of order and a file that is not NHTSA layout are refused plainly', async () => {
  const { app, call } = await bridge();
  const text = windows1252(rclText(fixtureRows()));
  const first = data<{ uploadId: string }>(
    await call('sendNhtsaPiece', {
      uploadId: null,
      fileName: 'FLAT_RCL_POST_2010.txt',
      size: text.length,
      offset: 0,
      data: text.subarray(0, 1000).toString('base64'),
    }),
  );
  const again = { uploadId: first.uploadId, fileName: 'FLAT_RCL_POST_2010.txt', size: text.length, offset: 0, data: text.subarray(0, 1000).toString('base64') };
  expect(data(await call('sendNhtsaPiece', again))).toMatchObject({ received: 1000 });
  const skipped = await call('sendNhtsaPiece', { ...again, offset: 2000, data: text.subarray(2000, 3000).toString('base64') });
  expect(skipped).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/out of order.*pick the file again/) } });
  // Not whole yet: no preview.
  expect(await call('previewNhtsaUpload', { uploadId: first.uploadId })).toMatchObject({
    ok: false,
    error: { code: 'conflict', message: expect.stringMatching(/Only 1000 of/) },
  });
  const rest = data<{ received: number }>(await call('sendNhtsaPiece', { ...again, offset: 1000, data: text.subarray(1000).toString('base64') }));
  expect(rest.received).toBe(text.length);
  expect(data<{ kept: number }>(await call('previewNhtsaUpload', { uploadId: first.uploadId })).kept).toBe(7);

  const csv = Buffer.from('VIN,Stock\nJTHBE96S170007930,U-1\n');
  const id = await send(call, 'stock.csv', csv, 1 << 20);
  const r = await call('previewNhtsaUpload', { uploadId: id });
  expect(r).toMatchObject({
    ok: false,
    error: { code: 'invalid-input', message: expect.stringMatching(/^stock.csv is not NHTSA's recall file.*Expected NHTSA's recall flat file/) },
  });
  // The refused file is not kept; the staged preview's copy is.
  expect(uploadsLeft(app)).toHaveLength(1);
  expect(await call('sendNhtsaPiece', { uploadId: null, fileName: 'x.txt', size: 10, offset: 0, data: 'not base64!' })).toMatchObject({
    ok: false,
    error: { code: 'invalid-input' },
  });
});

test('a file named by its path on the sharing PC is never read for a caller over HTTP: only that PC’s own CLI names files there', async () => {
  const { call } = await bridge();
  const secret = path.join(tempDir(), 'not-nhtsa.txt');
  fs.writeFileSync(secret, 'password=hunter2\tsecret line\n');
  const r = await call('previewNhtsa', { path: secret });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe('forbidden');
  expect(r.error.message).toMatch(/pick the file/i);
  expect(JSON.stringify(r)).not.toContain('hunter2');
});
