// What a one-shot command loads (issue 17: `lookup` under 0.2 s of CPU; the figure itself is the
// cli-lookup bench's). Node's modules a lookup does not use are not loaded at all: the LAN's https, tls
// and net, the imports' zlib, the vPIC thread's worker_threads, a prompt's readline, child_process,
// crypto (the built-in library's hash comes from the build), perf_hooks (the vPIC idle clock) and
// timers/promises (the list purge's pause). Their loading was about a tenth of a lookup's CPU.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from 'vitest';
import { BUILT_IN_DOCUMENTS } from '../../main/campaigns/library/documents';
import { CLI, ROOT } from '../support/cli';
import { makeVin } from '../support/synthetic';
import { tempDir } from '../support/tempdb';
import { SHARED_VPIC } from '../support/vpic-path';

const VIN = 'JTJHY7AX4K4000001';

/** Runs the built CLI with its standard output a pipe, as a script reads it; the Node modules it loaded. */
function runRecordingModules(dir: string, args: string[]) {
  const probe = path.join(dir, 'modules-probe.cjs');
  const report = path.join(dir, 'modules.json');
  fs.writeFileSync(probe, "process.on('exit', () => require('node:fs').writeFileSync(process.env.MODULES_REPORT, JSON.stringify(process.moduleLoadList)));\n");
  const r = spawnSync(process.execPath, ['--require', probe, CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, RECALL_DESK_VPIC: SHARED_VPIC, MODULES_REPORT: report, TMPDIR: dir },
  });
  const loaded = JSON.parse(fs.readFileSync(report, 'utf8')) as string[];
  return { ...r, loaded: new Set(loaded.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length))) };
}

test('a lookup loads none of the Node modules it does not use, and prints the same', { timeout: 60_000 }, () => {
  const dir = tempDir();
  const db = path.join(dir, 'db.sqlite');
  // The first lookup makes the database and decodes the VIN (on the vPIC thread): the usual one is the next.
  const first = runRecordingModules(dir, ['lookup', VIN, '--db', db]);
  expect(first.status).toBe(0);
  const usual = runRecordingModules(dir, ['lookup', VIN, '--db', db]);
  expect(usual.status).toBe(0);
  expect(usual.stderr).toBe('');
  expect(usual.stdout).toBe(first.stdout);
  expect(usual.stdout).toMatch(new RegExp(`^VIN ${VIN}  model year 2019 .*\\n(.*\\n)+$`));
  const unused = ['net', 'tls', 'https', 'http', 'zlib', 'worker_threads', 'readline', 'child_process', 'crypto', 'perf_hooks', 'timers/promises'];
  expect(unused.filter((m) => usual.loaded.has(m))).toEqual([]);
});

test("the built-in library's hash made by the build is the one a start from source makes", { timeout: 60_000 }, () => {
  const dir = tempDir();
  const db = path.join(dir, 'db.sqlite');
  const r = spawnSync(process.execPath, [CLI, 'campaigns', '--db', db], { encoding: 'utf8', env: { ...process.env, RECALL_DESK_VPIC: SHARED_VPIC } });
  expect(r.status).toBe(0);
  const sqlite = new BetterSqlite3(db, { readonly: true });
  try {
    const kept = sqlite.prepare<[], string>("SELECT value FROM meta WHERE key = 'built_in_library_sha256'").pluck().get();
    expect(kept).toBe(createHash('sha256').update(JSON.stringify(BUILT_IN_DOCUMENTS)).digest('hex'));
  } finally {
    sqlite.close();
  }
});

test('a lookup of a VIN the database has never seen decodes it on its own thread: no decoder thread is started', { timeout: 60_000 }, () => {
  const dir = tempDir();
  const db = path.join(dir, 'db.sqlite');
  // Every thread the command starts is written down (the CLI reads worker_threads' Worker when it starts one).
  const probe = path.join(dir, 'threads-probe.cjs');
  const report = path.join(dir, 'threads.txt');
  fs.writeFileSync(
    probe,
    [
      "const wt = require('node:worker_threads');",
      'const Started = wt.Worker;',
      "wt.Worker = class extends Started { constructor(...a) { super(...a); require('node:fs').appendFileSync(process.env.THREADS_REPORT, 'thread\\n'); } };",
    ].join('\n'),
  );
  const run = (vin: string) =>
    spawnSync(process.execPath, ['--require', probe, CLI, 'lookup', vin, '--db', db], {
      encoding: 'utf8',
      env: { ...process.env, RECALL_DESK_VPIC: SHARED_VPIC, THREADS_REPORT: report, TMPDIR: dir },
    });
  expect(run(VIN).status).toBe(0);
  const never = makeVin('JTJ', 'HY7AX', 2019, '4100007');
  const r = run(never);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain(`VIN ${never}`);
  expect(r.stdout).toContain('Decoded from the VIN (NHTSA vPIC): 2019 Lexus LX 570');
  expect(fs.existsSync(report) ? fs.readFileSync(report, 'utf8') : '').toBe('');
});

test("a lookup that made the database keeps no code cache: the command's cache is a usual lookup's", { timeout: 60_000 }, () => {
  const dir = tempDir();
  const db = path.join(dir, 'db.sqlite');
  const run = () =>
    spawnSync(process.execPath, [CLI, 'lookup', VIN, '--db', db], { encoding: 'utf8', env: { ...process.env, RECALL_DESK_VPIC: SHARED_VPIC, TMPDIR: dir } });
  const caches = () => {
    const folder = fs.readdirSync(dir).find((f) => f.startsWith('recall-desk-code-cache'));
    return folder ? fs.readdirSync(path.join(dir, folder)).filter((f) => f.startsWith('lookup-') && f.endsWith('.v8')) : [];
  };
  // The first run migrates a new file and loads the built-in bulletins: code a usual lookup never runs,
  // which a cache made then would have every later lookup load.
  const first = run();
  expect(first.status).toBe(0);
  expect(caches()).toEqual([]);
  const usual = run();
  expect(usual.status).toBe(0);
  expect(usual.stdout).toBe(first.stdout);
  expect(caches()).toHaveLength(1);
});

test("a lookup of a VIN never seen loads neither zlib, worker_threads nor perf_hooks, and builds no collator: corgi's sort is the app's", {
  timeout: 60_000,
}, () => {
  const dir = tempDir();
  const db = path.join(dir, 'db.sqlite');
  // Every localeCompare and Intl.Collator of the command is written down (the first builds ICU's collator and its locale list).
  const probe = path.join(dir, 'collator-probe.cjs');
  const report = path.join(dir, 'collator.txt');
  fs.writeFileSync(
    probe,
    [
      "const fs = require('node:fs');",
      "const note = (what) => fs.appendFileSync(process.env.COLLATOR_REPORT, what + '\\n');",
      'const compare = String.prototype.localeCompare;',
      "String.prototype.localeCompare = function (...a) { note('localeCompare'); return compare.apply(this, a); };",
      'const Collator = Intl.Collator;',
      "Intl.Collator = function (...a) { note('Intl.Collator'); return new Collator(...a); };",
    ].join('\n'),
  );
  const modules = path.join(dir, 'modules-probe.cjs');
  const loadedReport = path.join(dir, 'modules.json');
  fs.writeFileSync(
    modules,
    "process.on('exit', () => require('node:fs').writeFileSync(process.env.MODULES_REPORT, JSON.stringify(process.moduleLoadList)));\n",
  );
  const run = (vin: string) =>
    spawnSync(process.execPath, ['--require', probe, '--require', modules, CLI, 'lookup', vin, '--db', db], {
      encoding: 'utf8',
      env: { ...process.env, RECALL_DESK_VPIC: SHARED_VPIC, COLLATOR_REPORT: report, MODULES_REPORT: loadedReport, TMPDIR: dir },
    });
  expect(run(VIN).status).toBe(0);
  fs.rmSync(report, { force: true });
  const never = makeVin('JTJ', 'HY7AX', 2019, '4100009');
  const r = run(never);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('Decoded from the VIN (NHTSA vPIC): 2019 Lexus LX 570');
  expect(fs.existsSync(report) ? fs.readFileSync(report, 'utf8') : '').toBe('');
  const loaded = new Set(
    (JSON.parse(fs.readFileSync(loadedReport, 'utf8')) as string[]).filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length)),
  );
  // corgi's own unpacking (zlib) is not the app's: vPIC is unpacked once, by the decoder's thread; no
  // thread is started (worker_threads), and corgi's clock of its own decode is not perf_hooks'.
  expect(['zlib', 'worker_threads', 'internal/perf/performance', 'internal/perf/event_loop_utilization'].filter((m) => loaded.has(m))).toEqual([]);
});

test("a lookup of a VIN never seen makes the command's cache again once, so later ones find the decoder's code in it", { timeout: 60_000 }, () => {
  const dir = tempDir();
  const db = path.join(dir, 'db.sqlite');
  const run = (vin: string) => {
    const r = spawnSync(process.execPath, [CLI, 'lookup', vin, '--db', db], {
      encoding: 'utf8',
      env: { ...process.env, RECALL_DESK_VPIC: SHARED_VPIC, TMPDIR: dir },
    });
    expect(r.status, r.stderr).toBe(0);
  };
  const cache = () => {
    const folder = fs.readdirSync(dir).find((f) => f.startsWith('recall-desk-code-cache'))!;
    const file = fs.readdirSync(path.join(dir, folder)).find((f) => f.startsWith('lookup-') && f.endsWith('.v8'))!;
    return createHash('sha256')
      .update(fs.readFileSync(path.join(dir, folder, file)))
      .digest('hex');
  };
  run(VIN); // makes the database: no cache
  run(VIN); // the usual lookup's cache
  const usual = cache();
  run(VIN);
  expect(cache()).toBe(usual);
  run(makeVin('JTJ', 'HY7AX', 2019, '4100011')); // decoded now: the cache is made again, with the decoder's code
  const withDecode = cache();
  expect(withDecode).not.toBe(usual);
  run(makeVin('JTJ', 'HY7AX', 2019, '4100012')); // its code is in the cache now: kept as it is
  run(VIN);
  expect(cache()).toBe(withDecode);
});

test('a first lookup on a new database, with no cache of its own yet, runs with the code cache the package comes with', { timeout: 60_000 }, () => {
  const dir = tempDir();
  // The cache V8 is given for the bundle, and whether it took it, written down by a probe around vm.Script.
  const probe = path.join(dir, 'cache-probe.cjs');
  const report = path.join(dir, 'cache.json');
  fs.writeFileSync(
    probe,
    [
      "const vm = require('node:vm');",
      'const Script = vm.Script;',
      'vm.Script = class extends Script {',
      '  constructor(source, options) {',
      '    super(source, options);',
      "    const seen = { given: options?.cachedData?.length ?? 0, rejected: this.cachedDataRejected ?? null, file: String(options?.filename ?? '') };",
      "    process.on('exit', () => require('node:fs').writeFileSync(process.env.CACHE_REPORT, JSON.stringify(seen)));",
      '  }',
      '};',
    ].join('\n'),
  );
  const r = spawnSync(process.execPath, ['--require', probe, CLI, 'lookup', VIN, '--db', path.join(dir, 'db.sqlite')], {
    encoding: 'utf8',
    env: { ...process.env, RECALL_DESK_VPIC: SHARED_VPIC, CACHE_REPORT: report, TMPDIR: dir },
  });
  expect(r.status, r.stderr).toBe(0);
  const seen = JSON.parse(fs.readFileSync(report, 'utf8')) as { given: number; rejected: boolean | null; file: string };
  expect(seen.file).toMatch(/cli-bundle\.cjs$/);
  expect(seen.given).toBeGreaterThan(100_000);
  expect(seen.rejected).toBe(false);
});

test('a lookup loads better-sqlite3 by its file: no package is resolved by its name (an exports map read through the ESM resolver)', {
  timeout: 60_000,
}, () => {
  const dir = tempDir();
  const db = path.join(dir, 'db.sqlite');
  const probe = path.join(dir, 'resolve-probe.cjs');
  const report = path.join(dir, 'resolved.txt');
  fs.writeFileSync(
    probe,
    [
      "const Module = require('node:module');",
      'const resolve = Module._resolveFilename;',
      'Module._resolveFilename = function (request, ...rest) {',
      "  if (!/^[./]/.test(request) && !request.startsWith('node:') && !Module.isBuiltin(request)) require('node:fs').appendFileSync(process.env.RESOLVED_REPORT, request + '\\n');",
      '  return resolve.call(this, request, ...rest);',
      '};',
    ].join('\n'),
  );
  const run = () =>
    spawnSync(process.execPath, ['--require', probe, CLI, 'lookup', VIN, '--db', db], {
      encoding: 'utf8',
      env: { ...process.env, RECALL_DESK_VPIC: SHARED_VPIC, RESOLVED_REPORT: report, TMPDIR: dir },
    });
  expect(run().status).toBe(0);
  fs.rmSync(report, { force: true });
  const usual = run();
  expect(usual.status, usual.stderr).toBe(0);
  expect(usual.stdout).toContain(`VIN ${VIN}`);
  expect(fs.existsSync(report) ? fs.readFileSync(report, 'utf8') : '').toBe('');
});

test('a CLI installed where better-sqlite3 is not beside it finds it by its name', { timeout: 60_000 }, () => {
  const dir = tempDir();
  // <dir>/app/deep/dist/main: the file beside the bundles (deep/node_modules) is not there; <dir>/app/node_modules is.
  const main = path.join(dir, 'app', 'deep', 'dist', 'main');
  fs.cpSync(path.dirname(CLI), main, { recursive: true });
  fs.mkdirSync(path.join(dir, 'app', 'node_modules'), { recursive: true });
  for (const pkg of ['better-sqlite3', '@cardog']) fs.symlinkSync(path.join(ROOT, 'node_modules', pkg), path.join(dir, 'app', 'node_modules', pkg));
  const r = spawnSync(process.execPath, [path.join(main, 'cli.cjs'), 'lookup', VIN, '--db', path.join(dir, 'db.sqlite')], {
    encoding: 'utf8',
    env: { ...process.env, RECALL_DESK_VPIC: SHARED_VPIC, TMPDIR: dir },
  });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toMatch(new RegExp(`^VIN ${VIN}  model year 2019 `));
});
