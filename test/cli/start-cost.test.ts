// What a one-shot command loads, and which code cache it runs with (issue 17: `lookup` under 0.2 s of
// CPU; the figures themselves are the cli-lookup bench's). Node's modules a lookup does not use are not
// loaded at all: the LAN's https, tls and net, the imports' zlib, the vPIC thread's worker_threads, a
// prompt's readline, child_process, crypto (the built-in library's hash comes from the build), perf_hooks
// (the vPIC idle clock) and timers/promises (the list purge's pause). Their loading was about a tenth of a
// lookup's CPU. Each probe below is a few lines of CommonJS run before the CLI, writing to its report.
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
/**
 * VINs of models the database has never seen, so vPIC decodes them: another plant each (position 11; a
 * VIN of a model seen has its family's decode, main/vehicles/decode-store.ts), their check digits right.
 */
const neverSeen = (n: number) => makeVin('JTJ', 'HY7AX', 2019, `${PLANTS[n % PLANTS.length]}${100_000 + n}`);
const PLANTS = '012356789ABCDEFGHJKLMNPRSTUVWXYZ';

type Probe = { file: string; report: string; read: () => string; clear: () => void };

/** A probe: `body` reads REPORT, the path of the file it writes to. */
function probe(dir: string, name: string, body: string[]): Probe {
  const file = path.join(dir, `${name}-probe.cjs`);
  const report = path.join(dir, `${name}.report`);
  fs.writeFileSync(file, [`const REPORT = ${JSON.stringify(report)};`, "const fs = require('node:fs');", ...body].join('\n'));
  return {
    file,
    report,
    read: () => (fs.existsSync(report) ? fs.readFileSync(report, 'utf8') : ''),
    clear: () => fs.rmSync(report, { force: true }),
  };
}

/** Runs the built CLI in `dir` (its TMPDIR: its own code caches) with its standard output a pipe, as a script reads it. */
function run(dir: string, args: string[], probes: Probe[] = [], cli = CLI) {
  return spawnSync(process.execPath, [...probes.flatMap((p) => ['--require', p.file]), cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, RECALL_DESK_VPIC: SHARED_VPIC, TMPDIR: dir },
  });
}

/** The Node modules a run loaded. */
const modulesProbe = (dir: string) => probe(dir, 'modules', ["process.on('exit', () => fs.writeFileSync(REPORT, JSON.stringify(process.moduleLoadList)));"]);
const loadedBy = (p: Probe) =>
  new Set((JSON.parse(p.read()) as string[]).filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length)));

/** The command's code cache in this user's folder (undefined: none). */
function userCache(dir: string): string | undefined {
  const folder = fs.readdirSync(dir).find((f) => f.startsWith('recall-desk-code-cache'));
  const file = folder && fs.readdirSync(path.join(dir, folder)).find((f) => f.startsWith('lookup-') && f.endsWith('.v8'));
  return file
    ? createHash('sha256')
        .update(fs.readFileSync(path.join(dir, folder, file)))
        .digest('hex')
    : undefined;
}

test('a lookup loads none of the Node modules it does not use, and prints the same', { timeout: 60_000 }, () => {
  const dir = tempDir();
  const db = path.join(dir, 'db.sqlite');
  const modules = modulesProbe(dir);
  // The first lookup makes the database and decodes the VIN: the usual one is the next.
  const first = run(dir, ['lookup', VIN, '--db', db], [modules]);
  expect(first.status).toBe(0);
  const usual = run(dir, ['lookup', VIN, '--db', db], [modules]);
  expect(usual.status).toBe(0);
  expect(usual.stderr).toBe('');
  expect(usual.stdout).toBe(first.stdout);
  expect(usual.stdout).toMatch(new RegExp(`^VIN ${VIN}  model year 2019 .*\\n(.*\\n)+$`));
  // node:module brings Node's ES module loader and source maps; the navigator is what zod's check that eval is allowed reads.
  const unused = [
    'net',
    'tls',
    'https',
    'http',
    'zlib',
    'worker_threads',
    'readline',
    'child_process',
    'crypto',
    'perf_hooks',
    'timers/promises',
    'module',
    'internal/modules/esm/loader',
    'internal/navigator',
  ];
  const loaded = loadedBy(modules);
  expect(unused.filter((m) => loaded.has(m))).toEqual([]);
});

test("the built-in library's hash made by the build is the one a start from source makes", { timeout: 60_000 }, () => {
  const dir = tempDir();
  const db = path.join(dir, 'db.sqlite');
  expect(run(dir, ['campaigns', '--db', db]).status).toBe(0);
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
  const threads = probe(dir, 'threads', [
    "const wt = require('node:worker_threads');",
    'const Started = wt.Worker;',
    "wt.Worker = class extends Started { constructor(...a) { super(...a); fs.appendFileSync(REPORT, 'thread\\n'); } };",
  ]);
  expect(run(dir, ['lookup', VIN, '--db', db], [threads]).status).toBe(0);
  const r = run(dir, ['lookup', neverSeen(7), '--db', db], [threads]);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain(`VIN ${neverSeen(7)}`);
  expect(r.stdout).toContain('Decoded from the VIN (NHTSA vPIC): 2019 Lexus LX 570');
  expect(threads.read()).toBe('');
});

test("a lookup of a VIN never seen loads neither zlib, worker_threads nor perf_hooks, and builds no collator: corgi's sort is the app's", {
  timeout: 60_000,
}, () => {
  const dir = tempDir();
  const db = path.join(dir, 'db.sqlite');
  // Every localeCompare and Intl.Collator of the command is written down (the first builds ICU's collator and its locale list).
  const collator = probe(dir, 'collator', [
    "const note = (what) => fs.appendFileSync(REPORT, what + '\\n');",
    'const compare = String.prototype.localeCompare;',
    "String.prototype.localeCompare = function (...a) { note('localeCompare'); return compare.apply(this, a); };",
    'const Collator = Intl.Collator;',
    "Intl.Collator = function (...a) { note('Intl.Collator'); return new Collator(...a); };",
  ]);
  const modules = modulesProbe(dir);
  expect(run(dir, ['lookup', VIN, '--db', db]).status).toBe(0);
  const r = run(dir, ['lookup', neverSeen(9), '--db', db], [collator, modules]);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('Decoded from the VIN (NHTSA vPIC): 2019 Lexus LX 570');
  expect(collator.read()).toBe('');
  // corgi's own unpacking (zlib) is not the app's: vPIC is unpacked once, by the decoder's thread; no
  // thread is started (worker_threads), and corgi's clock of its own decode is not perf_hooks'.
  const loaded = loadedBy(modules);
  expect(['zlib', 'worker_threads', 'internal/perf/performance', 'internal/perf/event_loop_utilization'].filter((m) => loaded.has(m))).toEqual([]);
});

test("a decode's sort of its patterns reaches the app's order once, not an ES module's exports copied at each comparison", { timeout: 60_000 }, () => {
  const dir = tempDir();
  const db = path.join(dir, 'db.sqlite');
  // In the bundle, each require() of an ES module makes a new object of its exports, marked __esModule.
  const esModules = probe(dir, 'es-modules', [
    'const define = Object.defineProperty;',
    'let made = 0;',
    "Object.defineProperty = function (o, key, d) { if (key === '__esModule') made++; return define(o, key, d); };",
    "process.on('exit', () => fs.writeFileSync(REPORT, String(made)));",
  ]);
  expect(run(dir, ['lookup', VIN, '--db', db]).status).toBe(0);
  expect(run(dir, ['lookup', VIN, '--db', db], [esModules]).status).toBe(0);
  const usual = Number(esModules.read());
  const r = run(dir, ['lookup', neverSeen(15), '--db', db], [esModules]);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('Decoded from the VIN (NHTSA vPIC): 2019 Lexus LX 570');
  // The decoder's own modules (its thread's file, corgi, the order): a few, whatever the patterns.
  expect(Number(esModules.read()) - usual).toBeLessThan(10);
});

/** Whether the run's process emitted 'beforeExit' (Node's own end: its loop was done) before 'exit'. */
const endProbe = (dir: string) =>
  probe(dir, 'end', [
    "process.on('beforeExit', () => fs.appendFileSync(REPORT, 'beforeExit\\n'));",
    "process.on('exit', (code) => fs.appendFileSync(REPORT, 'exit ' + code + '\\n'));",
  ]);

test('a lookup ends its process once it has answered, its decode kept and its code cache written; other commands end as before', { timeout: 60_000 }, () => {
  const dir = tempDir();
  const db = path.join(dir, 'db.sqlite');
  const end = endProbe(dir);
  expect(run(dir, ['lookup', VIN, '--db', db]).status).toBe(0);
  // The usual lookup: the user's code cache is made as it ends.
  const usual = run(dir, ['lookup', VIN, '--db', db], [end]);
  expect(usual.status).toBe(0);
  expect(usual.stdout).toMatch(new RegExp(`^VIN ${VIN}  model year 2019 .*\\n(.*\\n)+$`));
  expect(end.read()).toBe('exit 0\n');
  expect(userCache(dir)).toBeDefined();
  // A VIN decoded now: its decode is kept before the process ends.
  end.clear();
  const vin = neverSeen(17);
  const decoded = run(dir, ['lookup', vin, '--db', db], [end]);
  expect(decoded.status).toBe(0);
  expect(decoded.stdout).toContain('Decoded from the VIN (NHTSA vPIC): 2019 Lexus LX 570');
  expect(end.read()).toBe('exit 0\n');
  const sqlite = new BetterSqlite3(db, { readonly: true });
  try {
    expect(sqlite.prepare('SELECT count(*) FROM vin_decodes WHERE vin = ?').pluck().get(vin)).toBe(1);
  } finally {
    sqlite.close();
  }
  // A refused VIN: its exit code stays.
  end.clear();
  const refused = run(dir, ['lookup', 'NOT-A-VIN', '--db', db], [end]);
  expect(refused.status).toBe(2);
  expect(refused.stderr).not.toBe('');
  expect(end.read()).toBe('exit 2\n');
  // Another command ends as Node ends it.
  end.clear();
  expect(run(dir, ['campaigns', '--db', db], [end]).status).toBe(0);
  expect(end.read()).toBe('beforeExit\nexit 0\n');
});

test('a lookup whose answer went through a stream (a terminal, a device) ends as Node ends it: nothing of it is left unwritten', { timeout: 60_000 }, () => {
  const dir = tempDir();
  const db = path.join(dir, 'db.sqlite');
  const end = endProbe(dir);
  expect(run(dir, ['lookup', VIN, '--db', db]).status).toBe(0);
  const devNull = fs.openSync('/dev/null', 'w');
  try {
    const r = spawnSync(process.execPath, ['--require', end.file, CLI, 'lookup', VIN, '--db', db], {
      stdio: ['ignore', devNull, 'pipe'],
      env: { ...process.env, RECALL_DESK_VPIC: SHARED_VPIC, TMPDIR: dir },
    });
    expect(r.status).toBe(0);
  } finally {
    fs.closeSync(devNull);
  }
  expect(end.read()).toBe('beforeExit\nexit 0\n');
});

/** A database file the person made, empty: the first command migrates it and loads the built-in bulletins. */
function emptyFile(dir: string): string {
  const db = path.join(dir, 'db.sqlite');
  new BetterSqlite3(db).close();
  return db;
}

test("a lookup that migrated the database keeps no code cache: the command's cache is a usual lookup's", { timeout: 60_000 }, () => {
  const dir = tempDir();
  const db = emptyFile(dir);
  // The first run migrates the file and loads the built-in bulletins: code a usual lookup never runs,
  // which a cache made then would have every later lookup load.
  const first = run(dir, ['lookup', VIN, '--db', db]);
  expect(first.status).toBe(0);
  expect(userCache(dir)).toBeUndefined();
  const usual = run(dir, ['lookup', VIN, '--db', db]);
  expect(usual.status).toBe(0);
  expect(usual.stdout).toBe(first.stdout);
  expect(userCache(dir)).toBeDefined();
});

/** The built CLI copied to <dir>/app/dist/main without the code cache it comes with (node_modules beside it, as installed). */
function cliWithoutShippedCache(dir: string): string {
  const main = path.join(dir, 'app', 'dist', 'main');
  fs.cpSync(path.dirname(CLI), main, { recursive: true, filter: (f) => !f.includes(`${path.sep}code-cache`) });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'app', 'node_modules'));
  return path.join(main, 'cli.cjs');
}

test("a lookup of a VIN never seen makes the command's cache again once when it lacks the decoder's code, so later ones find it there", {
  timeout: 60_000,
}, () => {
  const dir = tempDir();
  const db = emptyFile(dir);
  const cli = cliWithoutShippedCache(dir);
  const lookup = (vin: string) => {
    const r = run(dir, ['lookup', vin, '--db', db], [], cli);
    expect(r.status, r.stderr).toBe(0);
  };
  lookup(VIN); // migrates the file: no cache
  lookup(VIN); // the usual lookup's cache
  const usual = userCache(dir);
  lookup(VIN);
  expect(userCache(dir)).toBe(usual);
  lookup(neverSeen(11)); // decoded now: the cache is made again, with the decoder's code
  const withDecode = userCache(dir);
  expect(withDecode).not.toBe(usual);
  lookup(neverSeen(12)); // its code is in the cache now: kept as it is
  lookup(VIN);
  expect(userCache(dir)).toBe(withDecode);
});

test("the package's code cache holds the decoder's code: a user's cache made from it is kept at their first decode", { timeout: 60_000 }, () => {
  const dir = tempDir();
  const db = path.join(dir, 'db.sqlite');
  expect(fs.readFileSync(path.join(path.dirname(CLI), 'code-cache', 'lookup.v8.work'), 'utf8').split('\n')).toContain('decode');
  const lookup = (vin: string) => {
    const r = run(dir, ['lookup', vin, '--db', db]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Decoded from the VIN (NHTSA vPIC)');
  };
  lookup(VIN); // makes the database (a copy): no cache
  expect(userCache(dir)).toBeUndefined();
  lookup(VIN); // the usual lookup: the user's cache, made from the package's
  const made = userCache(dir);
  expect(made).toBeDefined();
  lookup(neverSeen(13)); // decoded: its code came with the package's cache
  lookup(VIN);
  expect(userCache(dir)).toBe(made);
});

/** Every script given to V8 through vm.Script (the bundle): its file, length, the cache given and whether V8 took it. */
const scriptsProbe = (dir: string) =>
  probe(dir, 'scripts', [
    "const vm = require('node:vm');",
    'const Script = vm.Script;',
    'vm.Script = class extends Script {',
    '  constructor(source, options) {',
    '    super(source, options);',
    "    const sha256 = require('node:crypto').createHash('sha256').update(source, 'utf8').digest('hex');",
    "    const seen = { file: String(options?.filename ?? ''), length: source.length, sha256, given: options?.cachedData?.length ?? 0, rejected: this.cachedDataRejected ?? null };",
    "    fs.appendFileSync(REPORT, JSON.stringify(seen) + '\\n');",
    '  }',
    '};',
  ]);
const scriptsGiven = (p: Probe) =>
  p
    .read()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { file: string; length: number; sha256: string; given: number; rejected: boolean | null });

test('a first lookup on a new database, with no cache of its own yet, runs with the code cache the package comes with', { timeout: 60_000 }, () => {
  const dir = tempDir();
  // The cache V8 is given for the bundle, and whether it took it.
  const scripts = scriptsProbe(dir);
  const r = run(dir, ['lookup', VIN, '--db', path.join(dir, 'db.sqlite')], [scripts]);
  expect(r.status, r.stderr).toBe(0);
  const given = scriptsGiven(scripts);
  expect(given).toHaveLength(1);
  const seen = given[0]!;
  expect(seen.file).toMatch(/cli-bundle\.cjs$/);
  expect(seen.given).toBeGreaterThan(100_000);
  expect(seen.rejected).toBe(false);
});

test('a lookup loads better-sqlite3 by its file: no package is resolved by its name (an exports map read through the ESM resolver)', {
  timeout: 60_000,
}, () => {
  const dir = tempDir();
  const db = path.join(dir, 'db.sqlite');
  const resolved = probe(dir, 'resolved', [
    "const Module = require('node:module');",
    'const resolve = Module._resolveFilename;',
    'Module._resolveFilename = function (request, ...rest) {',
    "  if (!/^[./]/.test(request) && !request.startsWith('node:') && !Module.isBuiltin(request)) fs.appendFileSync(REPORT, request + '\\n');",
    '  return resolve.call(this, request, ...rest);',
    '};',
  ]);
  expect(run(dir, ['lookup', VIN, '--db', db]).status).toBe(0);
  const usual = run(dir, ['lookup', VIN, '--db', db], [resolved]);
  expect(usual.status, usual.stderr).toBe(0);
  expect(usual.stdout).toContain(`VIN ${VIN}`);
  expect(resolved.read()).toBe('');
});

/** Every JavaScript file Node's module loader compiles in a run (the bundle itself is run through vm.Script). */
const compiledProbe = (dir: string) =>
  probe(dir, 'compiled', [
    "const Module = require('node:module');",
    "const js = Module._extensions['.js'];",
    "Module._extensions['.js'] = function (module, filename) { fs.appendFileSync(REPORT, filename + '\\n'); return js.call(this, module, filename); };",
  ]);

test("a lookup compiles no file of better-sqlite3's JavaScript: the bundle carries it, and only the addon is loaded from the package", {
  timeout: 60_000,
}, () => {
  const dir = tempDir();
  const db = path.join(dir, 'db.sqlite');
  const compiled = compiledProbe(dir);
  expect(run(dir, ['lookup', VIN, '--db', db]).status).toBe(0);
  const usual = run(dir, ['lookup', VIN, '--db', db], [compiled]);
  expect(usual.status, usual.stderr).toBe(0);
  expect(usual.stdout).toContain(`VIN ${VIN}`);
  expect(compiled.read().split('\n').filter(Boolean)).toEqual([CLI]);
});

test('the bundle is given to V8 as it is on disk: the build wrote it wrapped as a module, so nothing copies it', { timeout: 60_000 }, () => {
  const dir = tempDir();
  const scripts = scriptsProbe(dir);
  const r = run(dir, ['lookup', VIN, '--db', path.join(dir, 'db.sqlite')], [scripts]);
  expect(r.status, r.stderr).toBe(0);
  const given = scriptsGiven(scripts);
  expect(given).toHaveLength(1);
  expect(given[0]!.file).toMatch(/cli-bundle\.cjs$/);
  expect(given[0]!.length).toBe(fs.statSync(given[0]!.file).size);
  // Read as Latin-1 (main/cli/start.ts): the same characters as the file's, which the build keeps ASCII.
  expect(given[0]!.sha256).toBe(createHash('sha256').update(fs.readFileSync(given[0]!.file, 'utf8'), 'utf8').digest('hex'));
});

test('a CLI installed beside another version of better-sqlite3 runs that version whole, loaded by its name', { timeout: 60_000 }, () => {
  const dir = tempDir();
  const main = path.join(dir, 'app', 'dist', 'main');
  fs.cpSync(path.dirname(CLI), main, { recursive: true });
  // The package as installed, but for the version its package.json states.
  const pkg = path.join(dir, 'app', 'node_modules', 'better-sqlite3');
  fs.mkdirSync(pkg, { recursive: true });
  for (const f of fs.readdirSync(path.join(ROOT, 'node_modules', 'better-sqlite3'))) {
    if (f !== 'package.json') fs.symlinkSync(path.join(ROOT, 'node_modules', 'better-sqlite3', f), path.join(pkg, f));
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')) as { version: string };
  fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ ...manifest, version: `${manifest.version}-other` }));
  fs.symlinkSync(path.join(ROOT, 'node_modules', '@cardog'), path.join(dir, 'app', 'node_modules', '@cardog'));
  const compiled = compiledProbe(dir);
  const r = run(dir, ['lookup', VIN, '--db', path.join(dir, 'db.sqlite')], [compiled], path.join(main, 'cli.cjs'));
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toMatch(new RegExp(`^VIN ${VIN}  model year 2019 `));
  expect(compiled.read()).toMatch(/better-sqlite3[\\/]lib[\\/]database\.js/);
});

test('a CLI installed where better-sqlite3 is not beside it finds it by its name', { timeout: 60_000 }, () => {
  const dir = tempDir();
  // <dir>/app/deep/dist/main: the file beside the bundles (deep/node_modules) is not there; <dir>/app/node_modules is.
  const main = path.join(dir, 'app', 'deep', 'dist', 'main');
  fs.cpSync(path.dirname(CLI), main, { recursive: true });
  fs.mkdirSync(path.join(dir, 'app', 'node_modules'), { recursive: true });
  for (const pkg of ['better-sqlite3', '@cardog']) fs.symlinkSync(path.join(ROOT, 'node_modules', pkg), path.join(dir, 'app', 'node_modules', pkg));
  const r = run(dir, ['lookup', VIN, '--db', path.join(dir, 'db.sqlite')], [], path.join(main, 'cli.cjs'));
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toMatch(new RegExp(`^VIN ${VIN}  model year 2019 `));
});
