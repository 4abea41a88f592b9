// Sharing on the LAN, measured with a real sharing process (`serve --lan` of the built CLI, on
// loopback) and desks in this process, over TLS with the pinned fingerprint:
//   - a lookup through a desk (goal: p95 < 50 ms)
//   - a change on one desk seen on another's event stream (goal: < 1 s)
//   - 10 desks x 100 stock movements at once (goal: on hand exact, p95 per write < 100 ms)
//   - 50 desks x 2,000 requests, each desk from its own loopback address (goal: 0 errors)
//   - with `--upload [ROWS]` only: a desk imports a list of 5,000,000 VINs, uploaded streamed (time, and
//     the peak memory of the desk's CLI and of the sharing process)
// `--quick` makes the last one 50 x 200; `--writes` runs the ten desks' writes only. `--json` prints the figures as JSON.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { HostLink } from '../../main/lan/client';
import { cliWithPeak, desk, type LanHost, memoryOf, serveLan } from '../support/lan';
import { makeVin } from '../support/synthetic';

const root = path.resolve(__dirname, '..', '..');
const CLI = path.join(root, 'dist', 'main', 'cli.cjs');
const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const writesOnly = process.argv.includes('--writes');
/** `--upload [ROWS]`: only a desk's import of a list of ROWS VINs (default 5,000,000), uploaded streamed. */
const uploadAt = process.argv.indexOf('--upload');
const uploadRows = uploadAt < 0 ? 0 : Number(process.argv[uploadAt + 1]) || 5_000_000;
const ADMIN = { name: 'Bench Admin', password: 'bench-admin-1' };
const PARTS = { name: 'Bench Parts', password: 'bench-parts-1' };

const p = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! * 100) / 100;
};
const now = () => Number(process.hrtime.bigint()) / 1e6;

/** A process's CPU time so far (user + system, ms), from /proc on Linux; null elsewhere. */
function cpuMsOf(pid: number | undefined): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

function run(args: string[], env: Record<string, string> = {}, input = '') {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
}

/** A desk's event stream: resolves `next(tag)` when a change naming the tag arrives. */
function listen(url: string, fingerprint: string, session: string) {
  const waiting: { tag: string; resolve: () => void }[] = [];
  const agent = new HostLink(url, fingerprint).agent;
  const req = https.get(new URL('/events', url), { agent, headers: { 'x-recall-desk-session': session } }, (res) => {
    let buf = '';
    res.on('data', (d) => {
      buf += d;
      let end = buf.indexOf('\n\n');
      while (end >= 0) {
        const ev = buf.slice(0, end);
        buf = buf.slice(end + 2);
        const m = /^data: (.*)$/m.exec(ev);
        if (m) {
          const tags = (JSON.parse(m[1]!) as { tags: string[] }).tags;
          for (const w of waiting.splice(0)) if (tags.includes(w.tag)) w.resolve();
        }
        end = buf.indexOf('\n\n');
      }
    });
  });
  req.on('error', () => {});
  return {
    next: (tag: string) => new Promise<void>((resolve) => waiting.push({ tag, resolve })),
    close: () => {
      req.destroy();
      agent.destroy();
    },
  };
}

/** A desk's CLI imports a list of `rows` VINs from a file on the desk: uploaded as it is read. */
async function upload(host: LanHost, dir: string, rows: number): Promise<Record<string, unknown>> {
  const file = path.join(dir, 'list.txt');
  const out = fs.openSync(file, 'w');
  for (let i = 0; i < rows; i += 10_000) {
    const lines: string[] = [];
    for (let k = i; k < Math.min(rows, i + 10_000); k++)
      lines.push(makeVin('JTH', 'KPAAY', 2023, `${'ABCDEFGHJK'[Math.floor(k / 1e6) % 10]}${String(k % 1e6).padStart(6, '0')}`));
    fs.writeSync(out, `${lines.join('\r\n')}\r\n`);
  }
  fs.closeSync(out);
  const mb = Math.round(fs.statSync(file).size / 2 ** 20);
  const hostBefore = memoryOf(host.child.pid);
  const deskDir = path.join(dir, 'desk');
  const r = await cliWithPeak(
    CLI,
    ['--server', host.url, '--fingerprint', host.fingerprint, '--user', ADMIN.name, 'import-vins', '23LJ01', file, '--date', '2026-11-20', '--complete'],
    { XDG_CONFIG_HOME: deskDir, RECALL_DESK_DB: '', RECALL_DESK_PASSWORD: ADMIN.password },
  );
  const hostAfter = memoryOf(host.child.pid);
  fs.rmSync(file);
  const imported = r.code === 0 && r.stderr.includes(rows.toLocaleString('en-US'));
  if (!imported) console.error(r.stderr.slice(0, 2000));
  return {
    what: `a desk imports a ${rows.toLocaleString('en-US')}-row list (${mb} MB), uploaded streamed`,
    seconds: Math.round(r.ms / 100) / 10,
    deskPeakMb: Math.round(r.peakMb),
    hostPeakMbBefore: hostBefore ? Math.round(hostBefore.peakMb) : null,
    hostPeakMbAfter: hostAfter ? Math.round(hostAfter.peakMb) : null,
    goal: 'it works, memory bounded (far below the file on both sides)',
    met: imported,
  };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-bench-lan-'));
  const db = path.join(dir, 'data', 'recall-desk.sqlite');
  run(['users', 'add', ADMIN.name, '--role', 'admin,parts', '--db', db], {}, `${ADMIN.password}\n`);
  run(['users', 'add', PARTS.name, '--role', 'parts', '--db', db, '--user', ADMIN.name], { RECALL_DESK_PASSWORD: ADMIN.password }, `${PARTS.password}\n`);
  run(['parts', 'set', 'BLC', '12345-67890', '--description', 'Clip', '--released', '--db', db, '--user', ADMIN.name], {
    RECALL_DESK_PASSWORD: ADMIN.password,
  });
  const host = await serveLan(CLI, db);
  const figures: Record<string, unknown>[] = [];
  try {
    if (uploadRows) figures.push(await upload(host, dir, uploadRows));
    const a = await desk(host, PARTS.name, PARTS.password);
    if (!writesOnly && !uploadRows) {
      // 1. A lookup through a desk over TLS.
      const lookups: number[] = [];
      for (let i = 0; i < 600; i++) {
        const t = now();
        const r = await a.raw('lookup', { vin: 'JTHKPAAY4PA001234' });
        if (!r.ok) throw new Error(r.error.message);
        if (i >= 100) lookups.push(now() - t);
      }
      figures.push({
        what: 'lookup through a desk (TLS, pinned)',
        n: lookups.length,
        p50ms: p(lookups, 0.5),
        p95ms: p(lookups, 0.95),
        goal: 'p95 < 50 ms',
        met: p(lookups, 0.95) < 50,
      });

      // 2. A change on one desk seen on another.
      const b = await desk(host, PARTS.name, PARTS.password);
      const stream = listen(host.url, host.fingerprint, b.session);
      await new Promise((r) => setTimeout(r, 300));
      const seen: number[] = [];
      for (let i = 0; i < 30; i++) {
        const heard = stream.next('stock');
        const t = now();
        const w = await a.raw('recordMovement', { kind: 'receive', part: '12345-67890', quantity: 1 });
        if (!w.ok) throw new Error(w.error.message);
        await heard;
        seen.push(now() - t);
      }
      stream.close();
      b.close();
      figures.push({
        what: 'a change on one desk seen on another',
        n: seen.length,
        p50ms: p(seen, 0.5),
        maxms: p(seen, 1),
        goal: '< 1 s',
        met: p(seen, 1) < 1000,
      });
    }

    if (!uploadRows) {
      // 3. Ten desks recording stock movements at once.
      const before = (await a.call<{ position: { onHand: number } }>('stockHistory', { part: '12345-67890' })).position.onHand;
      const desks = await Promise.all(Array.from({ length: 10 }, () => desk(host, PARTS.name, PARTS.password)));
      const writes: number[] = [];
      let failures = 0;
      const cpu0 = cpuMsOf(host.child.pid);
      await Promise.all(
        desks.map(async (d) => {
          for (let i = 0; i < 100; i++) {
            const t = now();
            const r = await d.raw('recordMovement', { kind: 'receive', part: '12345-67890', quantity: 1 });
            writes.push(now() - t);
            if (!r.ok) failures++;
          }
        }),
      );
      const cpu1 = cpuMsOf(host.child.pid);
      const after = (await a.call<{ position: { onHand: number } }>('stockHistory', { part: '12345-67890' })).position.onHand;
      figures.push({
        what: '10 desks x 100 stock movements at once',
        n: writes.length,
        failures,
        onHandExact: after - before === 1000,
        p50ms: p(writes, 0.5),
        p95ms: p(writes, 0.95),
        // The sharing process's own CPU per write (user + system): what the load average does not change much.
        hostCpuMsPerWrite: cpu0 !== null && cpu1 !== null ? Math.round(((cpu1 - cpu0) / 1000) * 100) / 100 : null,
        goal: 'on hand exact, p95 < 100 ms',
        met: failures === 0 && after - before === 1000 && p(writes, 0.95) < 100,
      });
      for (const d of desks) d.close();
      if (!writesOnly) {
        // 4. Fifty desks, each from its own address, many requests each.
        const perDesk = quick ? 200 : 2000;
        const many = await Promise.all(Array.from({ length: 50 }, (_, i) => desk(host, PARTS.name, PARTS.password, `127.0.1.${i + 1}`)));
        let errors = 0;
        const t0 = now();
        const all: number[] = [];
        await Promise.all(
          many.map(async (d, i) => {
            for (let k = 0; k < perDesk; k++) {
              const t = now();
              try {
                const r = k % 2 ? await d.raw('listParts', {}) : await d.raw('lookup', { vin: 'JTHKPAAY4PA001234' });
                if (!r.ok) errors++;
              } catch {
                errors++;
              }
              if (k % 10 === i % 10) all.push(now() - t);
            }
          }),
        );
        const secs = (now() - t0) / 1000;
        figures.push({
          what: `50 desks x ${perDesk} requests`,
          n: 50 * perDesk,
          errors,
          perSecond: Math.round((50 * perDesk) / secs),
          p95ms: p(all, 0.95),
          goal: '0 errors',
          met: errors === 0,
        });
        for (const d of many) d.close();
      }
    }
    a.close();
  } finally {
    await host.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  if (json) console.log(JSON.stringify({ load, figures }));
  else {
    console.log(`load average ${load}`);
    for (const f of figures) console.log(`${f.met ? 'ok  ' : 'MISS'} ${JSON.stringify(f)}`);
  }
  if (figures.some((f) => !f.met)) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
